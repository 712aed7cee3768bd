package dev.gongkai.publishing.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gongkai.platform.observability.CacheMetrics;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Rendered documents under immutable, versioned keys (the key names what the bytes are, so an entry is never
 * updated, only left to expire): in this process (bounded by size; Caffeine drops the least used first), and in Redis, shared by every
 * instance. Redis being away costs a render, never a failed request.
 */
public class DocumentCache {

    private static final Logger log = LoggerFactory.getLogger(DocumentCache.class);
    static final String PREFIX = "gongkai:publishing:doc:";
    /** The {@code cache} tag of this cache's hit, miss and error counts. */
    static final String METRICS_NAME = "documents";

    private final RedisTemplate<String, byte[]> redis;
    private final Duration ttl;
    private final Cache<String, byte[]> local;
    private final CacheMetrics metrics;

    /**
     * @param ttl       how long Redis keeps a document
     * @param localSize how many bytes of documents this process keeps (zero: none)
     */
    public DocumentCache(RedisTemplate<String, byte[]> redis, Duration ttl, DataSize localSize, CacheMetrics metrics) {
        this.redis = redis;
        this.ttl = ttl;
        // Evictions run in the writing thread, so the budget holds the moment a document is added.
        this.local = Caffeine.newBuilder()
                .maximumWeight(localSize.toBytes())
                .executor(Runnable::run)
                .weigher((String key, byte[] bytes) -> bytes.length)
                .build();
        this.metrics = metrics;
    }

    /** The document if this process holds it, else null; never waits for Redis. */
    public byte[] inProcess(String key) {
        byte[] near = local.getIfPresent(PREFIX + key);
        if (near != null) {
            metrics.hit(METRICS_NAME);
        }
        return near;
    }

    public byte[] get(String key, Supplier<byte[]> render) {
        byte[] near = inProcess(key);
        if (near != null) {
            return near;
        }
        String fullKey = PREFIX + key;
        try {
            byte[] cached = redis.opsForValue().get(fullKey);
            if (cached != null) {
                metrics.hit(METRICS_NAME);
                local.put(fullKey, cached);
                return cached;
            }
            metrics.miss(METRICS_NAME);
        } catch (DataAccessException e) {
            log.debug("Cache read of {} failed: {}", fullKey, e.getMessage());
            metrics.error(METRICS_NAME);
            // The key names immutable bytes, so keeping them here is right whether Redis is there or not: an outage
            // must not turn every request for a PDF into a render.
            byte[] bytes = render.get();
            local.put(fullKey, bytes);
            return bytes;
        }
        byte[] bytes = render.get();
        local.put(fullKey, bytes);
        try {
            redis.opsForValue().set(fullKey, bytes, ttl);
        } catch (DataAccessException e) {
            log.debug("Cache write of {} failed: {}", fullKey, e.getMessage());
        }
        return bytes;
    }
}
