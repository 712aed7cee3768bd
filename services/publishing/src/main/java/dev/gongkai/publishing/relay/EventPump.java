package dev.gongkai.publishing.relay;

import org.springframework.scheduling.annotation.Scheduled;

/** Drives relay and consumer on timers (absent when {@code gongkai.publishing.events.scheduled=false}). */
class EventPump {

    private final OutboxRelay relay;
    private final EventConsumer consumer;

    EventPump(OutboxRelay relay, EventConsumer consumer) {
        this.relay = relay;
        this.consumer = consumer;
    }

    @Scheduled(fixedDelayString = "${gongkai.publishing.events.relay-interval}", initialDelay = 1000)
    void relay() {
        relay.relayPending();
    }

    @Scheduled(fixedDelayString = "${gongkai.publishing.events.consume-interval}", initialDelay = 1000)
    void consume() {
        consumer.consumeAvailable();
    }
}
