package dev.gongkai.publishing.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.publishing.revisions.ReportState;
import dev.gongkai.publishing.revisions.ReportStates;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Which published revision of an agency's year the public sees now, kept in Redis as
 * {@code gongkai:publishing:current:<agency>:<year>} = {@code <version>:<number>}. Rendered documents are cached
 * under keys that include it, so moving the pointer is what makes a publication visible and nothing stale can be
 * served. PostgreSQL ({@code core.report_state}) is the truth: a missing pointer, or Redis being away, means
 * asking it. Writes keep the highest version, so a reader repairing a missing pointer can never put an older one
 * back over a publication that happened meanwhile.
 *
 * <p>Each instance also remembers the pointers it has read, for at most {@code nearTtl}, and only while it listens
 * on {@link #MOVED_CHANNEL}: whoever moves a pointer announces it there, and every instance then forgets
 * everything it remembered (publications are rare; forgetting all is simpler than forgetting one and as fast).
 * A read remembers its answer under the generation it started in, and an announcement starts a new generation, so
 * an answer read before a move can never be remembered after it. {@code nearTtl} bounds the damage of a lost
 * announcement (a subscription that died without saying so); a subscription that is (re)established starts a new
 * generation too, since announcements may have been missed while it was away.
 */
public class PublicationPointer implements MessageListener, SubscriptionListener {

    /** Where moves are announced; the message is {@code <agency>:<year>} (for people reading MONITOR). */
    public static final String MOVED_CHANNEL = "gongkai:publishing:pointer-moved";

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
    private final Cache<String, Remembered> near;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    /**
     * @param ttl     how long Redis keeps a pointer before it is read from PostgreSQL again
     * @param nearTtl how long this instance trusts a pointer it has read (only while it hears announcements)
     */
    public PublicationPointer(StringRedisTemplate redis, ReportStates states, Duration ttl, Duration nearTtl) {
        this.redis = redis;
        this.states = states;
        this.ttl = ttl;
        this.near = Caffeine.newBuilder()
                .expireAfterWrite(nearTtl)
                .maximumSize(100_000)
                .build();
    }

    /** The current published revision, or empty when the year has never been published. */
    public Optional<Current> current(AgencySlug agency, int year) {
        String key = key(agency.value(), year);
        long readIn = generation.get();
        if (listening) {
            Remembered remembered = near.getIfPresent(key);
            if (remembered != null && remembered.generation() == readIn) {
                return remembered.current();
            }
        }
        Optional<Current> current;
        try {
            String value = redis.opsForValue().get(key);
            if (value != null) {
                current = Optional.of(Current.parse(value));
            } else {
                current = fromPostgres(agency, year);
                current.ifPresent(c -> offer(key, c, false));
            }
        } catch (DataAccessException e) {
            log.debug("Pointer {} unreadable, asking PostgreSQL: {}", key, e.getMessage());
            return fromPostgres(agency, year);
        }
        if (listening) {
            near.put(key, new Remembered(current, readIn));
        }
        return current;
    }

    private Optional<Current> fromPostgres(AgencySlug agency, int year) {
        return states.find(agency, year).filter(ReportState::published).map(Current::of);
    }

    /**
     * Points at what PostgreSQL says is current and announces the move to every instance; throws when Redis fails,
     * so the caller can try again.
     */
    public void refresh(String agency, int year) {
        fromPostgres(AgencySlug.of(agency), year).ifPresent(current -> offer(key(agency, year), current, true));
        generation.incrementAndGet();
        redis.convertAndSend(MOVED_CHANNEL, agency + ":" + year);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        generation.incrementAndGet();
    }

    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        generation.incrementAndGet();
        listening = true;
    }

    @Override
    public void onChannelUnsubscribed(byte[] channel, long count) {
        listening = false;
        generation.incrementAndGet();
    }

    /** Whether this instance hears announcements now (so it may remember pointers). */
    boolean listening() {
        return listening;
    }

    private void offer(String key, Current current, boolean strict) {
        try {
            redis.execute(
                    KEEP_HIGHEST,
                    List.of(key),
                    Integer.toString(current.version()),
                    current.value(),
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

    private record Remembered(Optional<Current> current, long generation) {}

    /**
     * @param number  the published revision number
     * @param version the read model's version: grows with every change the public can see on the year's page
     */
    public record Current(int number, int version) {

        static Current of(ReportState state) {
            return new Current(state.publishedRevision(), state.version());
        }

        static Current parse(String value) {
            int colon = value.indexOf(':');
            return new Current(
                    Integer.parseInt(value.substring(colon + 1)), Integer.parseInt(value.substring(0, colon)));
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
