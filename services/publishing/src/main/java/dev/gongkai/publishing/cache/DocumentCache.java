package dev.gongkai.publishing.cache;

import dev.gongkai.platform.observability.CacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisTemplate;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Rendered documents in Redis under immutable, versioned keys (the key names what the bytes are, so an entry is
 * never updated, only left to expire). Redis being away costs a render, never a failed request.
 */
public class DocumentCache {

    private static final Logger log = LoggerFactory.getLogger(DocumentCache.class);
    private static final String PREFIX = "gongkai:publishing:doc:";
    /** The {@code cache} tag of this cache's hit, miss and error counts. */
    static final String METRICS_NAME = "documents";

    private final RedisTemplate<String, byte[]> redis;
    private final Duration ttl;
    private final CacheMetrics metrics;

    public DocumentCache(RedisTemplate<String, byte[]> redis, Duration ttl) {
        this(redis, ttl, CacheMetrics.NONE);
    }

    public DocumentCache(RedisTemplate<String, byte[]> redis, Duration ttl, CacheMetrics metrics) {
        this.redis = redis;
        this.ttl = ttl;
        this.metrics = metrics;
    }

    public byte[] get(String key, Supplier<byte[]> render) {
        String fullKey = PREFIX + key;
        try {
            byte[] cached = redis.opsForValue().get(fullKey);
            if (cached != null) {
                metrics.hit(METRICS_NAME);
                return cached;
            }
            metrics.miss(METRICS_NAME);
        } catch (DataAccessException e) {
            log.debug("Cache read of {} failed: {}", fullKey, e.getMessage());
            metrics.error(METRICS_NAME);
            return render.get();
        }
        byte[] bytes = render.get();
        try {
            redis.opsForValue().set(fullKey, bytes, ttl);
        } catch (DataAccessException e) {
            log.debug("Cache write of {} failed: {}", fullKey, e.getMessage());
        }
        return bytes;
    }
}
