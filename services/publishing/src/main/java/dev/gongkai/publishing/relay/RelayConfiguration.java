package dev.gongkai.publishing.relay;

import dev.gongkai.publishing.PublishingProperties;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.revisions.ProcessedEvents;
import dev.gongkai.publishing.revisions.PublicationRecorder;
import dev.gongkai.publishing.revisions.ReportStateProjection;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    @Bean
    EventStream eventStream(PublishingProperties properties) {
        return new EventStream(properties.events().stream(), properties.events().group());
    }

    @Bean
    OutboxRelay outboxRelay(
            DSLContext dsl, StringRedisTemplate redis, EventStream stream, PublishingProperties properties) {
        return new OutboxRelay(
                dsl,
                redis,
                stream,
                properties.events().batchSize(),
                properties.events().streamMaxLength(),
                properties.events().relayLease());
    }

    @Bean
    EventHandlers eventHandlers(
            JsonMapper json,
            TransactionTemplate transactions,
            ProcessedEvents processed,
            PublicationRecorder publications,
            ReportStateProjection states,
            PublicationPointer pointer) {
        return new EventHandlers(json, transactions, processed, publications, states, pointer);
    }

    @Bean
    DeadLetters deadLetters(StringRedisTemplate redis, EventStream stream, MeterRegistry meters) {
        return new DeadLetters(redis, stream, meters);
    }

    @Bean
    EventConsumer eventConsumer(
            StringRedisTemplate redis,
            EventHandlers handlers,
            EventStream stream,
            DeadLetters deadLetters,
            PublishingProperties properties) {
        var events = properties.events();
        return new EventConsumer(
                redis,
                handlers,
                stream,
                events.consumerName(),
                events.batchSize(),
                new Retries(events.claimIdle(), events.retryBackoff(), events.retryBackoffMax(), events.maxAttempts()),
                deadLetters);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "gongkai.publishing.events.scheduled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {

        @Bean
        EventPump eventPump(OutboxRelay relay, EventConsumer consumer, PublishingProperties properties) {
            return new EventPump(relay, consumer, properties.events().outboxRetention());
        }
    }
}
