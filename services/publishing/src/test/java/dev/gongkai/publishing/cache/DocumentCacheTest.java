package dev.gongkai.publishing.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.observability.CacheMetrics;
import dev.gongkai.publishing.PublishingTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.util.unit.DataSize;

/** A rendered document is rendered once, shared through Redis, and kept in the process under its immutable key. */
@PublishingTest
class DocumentCacheTest {

    @Autowired
    RedisTemplate<String, byte[]> documentRedisTemplate;

    final String key = "test:" + UUID.randomUUID();
    final AtomicInteger renders = new AtomicInteger();
    final Supplier<byte[]> render = () -> ("第" + renders.incrementAndGet() + "次渲染").getBytes(StandardCharsets.UTF_8);

    @AfterEach
    void removeKey() {
        documentRedisTemplate.delete(DocumentCache.PREFIX + key);
    }

    DocumentCache cache(DataSize local) {
        return new DocumentCache(documentRedisTemplate, Duration.ofMinutes(1), local, CacheMetrics.NONE);
    }

    @Test
    void rendersOnceAndSharesTheDocumentWithOtherInstancesThroughRedis() {
        DocumentCache first = cache(DataSize.ofMegabytes(1));
        DocumentCache second = cache(DataSize.ofMegabytes(1));

        assertThat(text(first.get(key, render))).isEqualTo("第1次渲染");
        assertThat(text(first.get(key, render))).isEqualTo("第1次渲染");
        assertThat(text(second.get(key, render)))
                .as("another instance reads Redis")
                .isEqualTo("第1次渲染");
        assertThat(documentRedisTemplate.opsForValue().get(DocumentCache.PREFIX + key))
                .isNotNull();
        assertThat(renders).hasValue(1);
    }

    @Test
    void keepsItsOwnCopyWhenRedisNoLongerHasTheDocument() {
        DocumentCache cache = cache(DataSize.ofMegabytes(1));
        cache.get(key, render);

        documentRedisTemplate.delete(DocumentCache.PREFIX + key);

        assertThat(text(cache.get(key, render))).isEqualTo("第1次渲染");
        assertThat(renders).hasValue(1);
    }

    @Test
    void withoutALocalBudgetEveryReadGoesToRedis() {
        DocumentCache cache = cache(DataSize.ofBytes(0));
        cache.get(key, render);

        documentRedisTemplate.delete(DocumentCache.PREFIX + key);

        assertThat(text(cache.get(key, render))).isEqualTo("第2次渲染");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
