package dev.gongkai.publishing.relay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Reads the event stream as member {@code consumerName} of its group and hands each entry to the
 * {@link EventHandlers}; an entry is acknowledged only after its effect committed.
 * <p>
 * An entry left pending — it failed here, or the consumer it was delivered to died or lost Redis before
 * acknowledging — is claimed ({@code XCLAIM}) by whichever live consumer finds it idle long enough first, with
 * {@link Retries}: a failed entry is retried with a doubling back-off, another consumer's only after the claim bound,
 * and an entry delivered {@link Retries#maxAttempts()} times goes to the {@link DeadLetters}. The pending list is read
 * with {@code XPENDING}, which gives each entry's delivery count (what {@code XAUTOCLAIM} does in one step, but that
 * hides the counts the back-off needs, and Spring Data Redis has no API for it).
 */
public class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final StringRedisTemplate redis;
    private final EventHandlers handlers;
    private final EventStream stream;
    private final String consumerName;
    private final int batchSize;
    private final Retries retries;
    private final DeadLetters deadLetters;
    private volatile boolean groupReady;

    public EventConsumer(
            StringRedisTemplate redis,
            EventHandlers handlers,
            EventStream stream,
            String consumerName,
            int batchSize,
            Retries retries,
            DeadLetters deadLetters) {
        this.redis = redis;
        this.handlers = handlers;
        this.stream = stream;
        this.consumerName = consumerName;
        this.batchSize = batchSize;
        this.retries = retries;
        this.deadLetters = deadLetters;
    }

    /** Handles what is due now (pending entries, then new ones); returns how many entries were acknowledged. */
    public int consumeAvailable() {
        try {
            ensureGroup();
            int acknowledged = retryPending();
            while (true) {
                List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                        .read(
                                Consumer.from(stream.group(), consumerName),
                                StreamReadOptions.empty().count(batchSize),
                                StreamOffset.create(stream.key(), ReadOffset.lastConsumed()));
                if (records == null || records.isEmpty()) {
                    return acknowledged;
                }
                for (MapRecord<String, Object, Object> record : records) {
                    acknowledged += handle(record, false) ? 1 : 0;
                }
                if (records.size() < batchSize) {
                    return acknowledged;
                }
            }
        } catch (DataAccessException e) {
            // Redis away, or restarted without its data (the group is gone): create the group again next time.
            groupReady = false;
            log.warn("Reading the event stream failed; retrying later: {}", e.getMessage());
            return 0;
        }
    }

    /** The oldest pending entries of the group, whoever holds them: each one that is due is claimed and handled. */
    private int retryPending() {
        PendingMessages pending =
                redis.opsForStream().pending(stream.key(), stream.group(), Range.unbounded(), batchSize);
        if (pending == null) {
            return 0;
        }
        int acknowledged = 0;
        for (PendingMessage entry : pending) {
            long deliveries = entry.getTotalDeliveryCount();
            Duration due = retries.due(deliveries, consumerName.equals(entry.getConsumerName()));
            if (entry.getElapsedTimeSinceLastDelivery().compareTo(due) < 0) {
                continue;
            }
            // The same bound in XCLAIM makes the claim atomic: a consumer that claimed it meanwhile reset its idle
            // time, so this claim returns nothing and the entry is handled once.
            List<MapRecord<String, Object, Object>> claimed = redis.opsForStream()
                    .claim(
                            stream.key(),
                            stream.group(),
                            consumerName,
                            XClaimOptions.minIdle(due).ids(entry.getId()));
            if (claimed == null || claimed.isEmpty()) {
                continue;
            }
            MapRecord<String, Object, Object> record = claimed.getFirst();
            if (deliveries >= retries.maxAttempts()
                    && record.getValue() != null
                    && !record.getValue().isEmpty()) {
                String error =
                        (String) redis.<String, String>opsForHash().get(stream.failures(), entry.getIdAsString());
                log.error(
                        "Event {} ({}) failed {} times; moved to the dead letters: {}",
                        record.getValue().get(EventStream.ID),
                        record.getValue().get(EventStream.TYPE),
                        deliveries,
                        error);
                deadLetters.bury(record, deliveries, error);
                acknowledge(record, true);
                continue;
            }
            if (deliveries > 1 || !consumerName.equals(entry.getConsumerName())) {
                log.info(
                        "Retrying event stream entry {} (delivery {}, last held by {})",
                        entry.getIdAsString(),
                        deliveries + 1,
                        entry.getConsumerName());
            }
            acknowledged += handle(record, true) ? 1 : 0;
        }
        return acknowledged;
    }

    /**
     * True when the entry was handled and acknowledged; false when it failed and stays pending (or is gone).
     *
     * @param retried a pending entry, which may have a failure recorded
     */
    private boolean handle(MapRecord<String, Object, Object> record, boolean retried) {
        Map<Object, Object> fields = record.getValue();
        if (fields == null || fields.isEmpty()) {
            // A pending entry trimmed away from the stream: nothing left to handle, so let it go.
            acknowledge(record, retried);
            return false;
        }
        try {
            handlers.handle(
                    Long.parseLong(String.valueOf(fields.get(EventStream.ID))),
                    String.valueOf(fields.get(EventStream.TYPE)),
                    String.valueOf(fields.get(EventStream.PAYLOAD)));
        } catch (RuntimeException e) {
            log.warn(
                    "Event {} ({}) failed; it stays pending and is retried: {}",
                    fields.get(EventStream.ID),
                    fields.get(EventStream.TYPE),
                    e.toString());
            redis.opsForHash().put(stream.failures(), record.getId().getValue(), e.toString());
            return false;
        }
        acknowledge(record, retried);
        return true;
    }

    private void acknowledge(MapRecord<String, Object, Object> record, boolean retried) {
        redis.opsForStream().acknowledge(stream.key(), stream.group(), record.getId());
        if (retried) {
            redis.opsForHash().delete(stream.failures(), record.getId().getValue());
        }
    }

    private void ensureGroup() {
        if (groupReady) {
            return;
        }
        try {
            // From the stream's start: events relayed before the group existed are still ours (handling is idempotent).
            redis.opsForStream().createGroup(stream.key(), ReadOffset.from("0"), stream.group());
        } catch (DataAccessException e) {
            if (!String.valueOf(rootMessage(e)).contains("BUSYGROUP")) {
                throw e;
            }
        }
        groupReady = true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
