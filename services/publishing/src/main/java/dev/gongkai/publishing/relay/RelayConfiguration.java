package dev.gongkai.publishing.relay;

import dev.gongkai.publishing.PublishingProperties;
import dev.gongkai.publishing.cache.PublicationPointer;
import dev.gongkai.publishing.revisions.ProcessedEvents;
import dev.gongkai.publishing.revisions.PublicationRecorder;
import dev.gongkai.publishing.revisions.ReportStateProjection;
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
    OutboxRelay outboxRelay(DSLContext dsl, TransactionTemplate transactions, StringRedisTemplate redis,
                            EventStream stream, PublishingProperties properties) {
        return new OutboxRelay(dsl, transactions, redis, stream, properties.events().batchSize(),
                properties.events().streamMaxLength());
    }

    @Bean
    EventHandlers eventHandlers(JsonMapper json, TransactionTemplate transactions, ProcessedEvents processed,
                                PublicationRecorder publications, ReportStateProjection states,
                                PublicationPointer pointer) {
        return new EventHandlers(json, transactions, processed, publications, states, pointer);
    }

    @Bean
    EventConsumer eventConsumer(StringRedisTemplate redis, EventHandlers handlers, EventStream stream,
                                PublishingProperties properties) {
        return new EventConsumer(redis, handlers, stream, properties.events().consumerName(),
                properties.events().batchSize());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "gongkai.publishing.events.scheduled", havingValue = "true", matchIfMissing = true)
    static class Scheduling {

        @Bean
        EventPump eventPump(OutboxRelay relay, EventConsumer consumer) {
            return new EventPump(relay, consumer);
        }
    }
}
