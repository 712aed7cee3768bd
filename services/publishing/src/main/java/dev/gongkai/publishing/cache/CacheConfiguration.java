package dev.gongkai.publishing.cache;

import dev.gongkai.platform.observability.CacheMetrics;
import dev.gongkai.publishing.PublishingProperties;
import dev.gongkai.publishing.revisions.ReportStates;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;

@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    @Bean
    RedisTemplate<String, byte[]> documentRedisTemplate(RedisConnectionFactory connections) {
        RedisTemplate<String, byte[]> template = new RedisTemplate<>();
        template.setConnectionFactory(connections);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.setEnableDefaultSerializer(false);
        return template;
    }

    @Bean
    DocumentCache documentCache(
            RedisTemplate<String, byte[]> documentRedisTemplate,
            PublishingProperties properties,
            ObjectProvider<CacheMetrics> metrics) {
        return new DocumentCache(
                documentRedisTemplate,
                properties.cache().documentTtl(),
                properties.cache().localSize(),
                metrics.getIfAvailable(() -> CacheMetrics.NONE));
    }

    @Bean
    PublicationPointer publicationPointer(
            StringRedisTemplate redis, ReportStates states, PublishingProperties properties) {
        return new PublicationPointer(
                redis,
                states,
                properties.cache().pointerTtl(),
                properties.cache().localPointerTtl());
    }

    @Bean(destroyMethod = "destroy")
    PointerMoves pointerMoves(RedisConnectionFactory connections, PublicationPointer pointer) {
        return new PointerMoves(connections, pointer, Duration.ofSeconds(5));
    }
}
