package dev.gongkai.publishing.relay;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.scheduling.annotation.Scheduled;

/** Drives relay, consumer and the outbox's retention on timers (absent when {@code gongkai.publishing.events.scheduled=false}). */
class EventPump {

    private final OutboxRelay relay;
    private final EventConsumer consumer;
    private final Duration outboxRetention;

    EventPump(OutboxRelay relay, EventConsumer consumer, Duration outboxRetention) {
        this.relay = relay;
        this.consumer = consumer;
        this.outboxRetention = outboxRetention;
    }

    @Scheduled(fixedDelayString = "${gongkai.publishing.events.relay-interval}", initialDelay = 1000)
    void relay() {
        relay.relayPending();
    }

    @Scheduled(fixedDelayString = "${gongkai.publishing.events.consume-interval}", initialDelay = 1000)
    void consume() {
        consumer.consumeAvailable();
    }

    @Scheduled(fixedDelayString = "${gongkai.publishing.events.outbox-cleanup-interval}", initialDelay = 60_000)
    void deleteSentOutboxRows() {
        relay.deleteSentBefore(OffsetDateTime.now().minus(outboxRetention));
    }
}
