package dev.gongkai.publishing.cache;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.publishing.revisions.ReportStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which published revision of an agency's year the public sees now, kept in Redis as
 * {@code gongkai:publishing:current:<agency>:<year>} = {@code <version>:<number>}. Rendered documents are cached
 * under keys that include it, so moving the pointer is what makes a publication visible and nothing stale can be
 * served. PostgreSQL ({@code core.report_state}) is the truth: a missing pointer, or Redis being away, means
 * asking it. Writes keep the highest version, so a reader repairing a missing pointer can never put an older one
 * back over a publication that happened meanwhile.
 */
public class PublicationPointer {

    private static final Logger log = LoggerFactory.getLogger(PublicationPointer.class);
    private static final String PREFIX = "gongkai:publishing:current:";
    private static final RedisScript<Long> KEEP_HIGHEST = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current then
              local version = tonumber(string.match(current, '^(%d+):'))
              if version and version >= tonumber(ARGV[1]) then
                redis.call('PEXPIRE', KEYS[1], ARGV[3])
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final ReportStates states;
    private final Duration ttl;

    public PublicationPointer(StringRedisTemplate redis, ReportStates states, Duration ttl) {
        this.redis = redis;
        this.states = states;
        this.ttl = ttl;
    }

    /** The current published revision, or empty when the year has never been published. */
    public Optional<Current> current(AgencySlug agency, int year) {
        String key = key(agency.value(), year);
        boolean redisUp = true;
        try {
            String value = redis.opsForValue().get(key);
            if (value != null) {
                return Optional.of(Current.parse(value));
            }
        } catch (DataAccessException e) {
            redisUp = false;
            log.debug("Pointer {} unreadable, asking PostgreSQL: {}", key, e.getMessage());
        }
        Optional<Current> current = states.find(agency, year).filter(ReportState::published)
                .map(s -> new Current(s.publishedRevision(), s.version()));
        if (redisUp) {
            current.ifPresent(c -> offer(key, c, false));
        }
        return current;
    }

    /** Points at what PostgreSQL says is current; throws when Redis fails, so the caller can try again. */
    public void refresh(String agency, int year) {
        states.find(AgencySlug.of(agency), year).filter(ReportState::published)
                .ifPresent(s -> offer(key(agency, year), new Current(s.publishedRevision(), s.version()), true));
    }

    private void offer(String key, Current current, boolean strict) {
        try {
            redis.execute(KEEP_HIGHEST, List.of(key), Integer.toString(current.version()), current.value(),
                    Long.toString(ttl.toMillis()));
        } catch (DataAccessException e) {
            if (strict) {
                throw e;
            }
            log.debug("Pointer {} not written: {}", key, e.getMessage());
        }
    }

    private static String key(String agency, int year) {
        return PREFIX + agency + ":" + year;
    }

    /**
     * @param number  the published revision number
     * @param version the read model's version: grows with every change the public can see on the year's page
     */
    public record Current(int number, int version) {

        static Current parse(String value) {
            int colon = value.indexOf(':');
            return new Current(Integer.parseInt(value.substring(colon + 1)),
                    Integer.parseInt(value.substring(0, colon)));
        }

        String value() {
            return version + ":" + number;
        }

        /** Part of cache keys and ETags: {@code r<number>.v<version>}. */
        public String token() {
            return "r" + number + ".v" + version;
        }
    }
}
