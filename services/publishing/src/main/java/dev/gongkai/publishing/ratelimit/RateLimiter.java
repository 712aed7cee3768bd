package dev.gongkai.publishing.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A fixed-window counter per client in Redis ({@code INCR} and the window's expiry in one script), shared by every
 * instance of the service. When Redis is away the limit is not enforced: open data stays available.
 */
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final String PREFIX = "gongkai:publishing:ratelimit:";
    private static final RedisScript<Long> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count
            """, Long.class);

    private final StringRedisTemplate redis;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    RateLimiter(StringRedisTemplate redis, int limit, Duration window, Clock clock) {
        this.redis = redis;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @return empty when allowed, else the seconds until the client's window ends */
    public java.util.OptionalLong acquire(String client) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        long windowStart = now - now % windowMillis;
        try {
            Long count = redis.execute(
                    COUNT, List.of(PREFIX + client + ":" + windowStart), Long.toString(windowMillis + 1000));
            if (count != null && count > limit) {
                return java.util.OptionalLong.of(Math.max(1, (windowStart + windowMillis - now + 999) / 1000));
            }
        } catch (DataAccessException e) {
            log.debug("Rate limit not checked (Redis unavailable): {}", e.getMessage());
        }
        return java.util.OptionalLong.empty();
    }

    public int limit() {
        return limit;
    }
}
