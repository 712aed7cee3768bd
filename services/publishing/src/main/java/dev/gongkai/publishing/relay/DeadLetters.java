package dev.gongkai.publishing.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Events that failed {@link Retries#maxAttempts()} times, kept with their fields on the stream
 * {@code <stream>:dead} for the platform admin, counted on {@code gongkai.events.dead.letters}; one can be sent
 * back to the event stream once its cause is fixed.
 */
public class DeadLetters {

    static final String ENTRY = "entry";
    static final String ATTEMPTS = "attempts";
    static final String ERROR = "error";
    static final String AT = "at";

    private final StringRedisTemplate redis;
    private final EventStream stream;
    private final MeterRegistry meters;

    public DeadLetters(StringRedisTemplate redis, EventStream stream, MeterRegistry meters) {
        this.redis = redis;
        this.stream = stream;
        this.meters = meters;
    }

    /**
     * One dead event as the platform admin sees it (the payload stays on the stream).
     *
     * @param id       its id on the dead-letter stream
     * @param entry    its id on the event stream when it was buried
     * @param outboxId its {@code core.outbox} row
     */
    public record DeadEvent(
            String id,
            String entry,
            long outboxId,
            String type,
            String aggregate,
            long attempts,
            String error,
            Instant at) {}

    /** Moves the entry to the dead letters; the caller acknowledges it on the event stream afterwards. */
    void bury(MapRecord<String, Object, Object> record, long attempts, String error) {
        Map<String, String> fields = new LinkedHashMap<>();
        record.getValue().forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
        fields.put(ENTRY, record.getId().getValue());
        fields.put(ATTEMPTS, Long.toString(attempts));
        fields.put(ERROR, error == null ? "" : error);
        fields.put(AT, Instant.now().toString());
        redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream.deadLetters()));
        Counter.builder("gongkai.events.dead.letters")
                .description("Events given up after the maximum number of attempts, moved to the dead-letter stream")
                .tag("type", fields.getOrDefault(EventStream.TYPE, "unknown"))
                .register(meters)
                .increment();
    }

    /** Newest first. */
    public List<DeadEvent> list(int limit) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .reverseRange(
                        stream.deadLetters(), Range.unbounded(), Limit.limit().count(limit));
        return records == null
                ? List.of()
                : records.stream().map(DeadLetters::toDeadEvent).toList();
    }

    /** Sends a dead event back to the event stream (handling is idempotent) and removes it here; empty if unknown. */
    public Optional<String> requeue(String id) {
        RecordId recordId;
        try {
            recordId = RecordId.of(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<MapRecord<String, Object, Object>> found = redis.opsForStream()
                .range(stream.deadLetters(), Range.closed(recordId.getValue(), recordId.getValue()));
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        Map<Object, Object> dead = found.getFirst().getValue();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of(EventStream.ID, EventStream.TYPE, EventStream.AGGREGATE, EventStream.PAYLOAD)) {
            fields.put(name, String.valueOf(dead.get(name)));
        }
        RecordId added = redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream.key()));
        redis.opsForStream().delete(stream.deadLetters(), recordId);
        return Optional.ofNullable(added).map(RecordId::getValue);
    }

    private static DeadEvent toDeadEvent(MapRecord<String, Object, Object> record) {
        Map<Object, Object> f = record.getValue();
        return new DeadEvent(
                record.getId().getValue(),
                text(f, ENTRY),
                number(f, EventStream.ID),
                text(f, EventStream.TYPE),
                text(f, EventStream.AGGREGATE),
                number(f, ATTEMPTS),
                text(f, ERROR),
                instant(text(f, AT)));
    }

    private static String text(Map<Object, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    private static long number(Map<Object, Object> fields, String name) {
        try {
            return Long.parseLong(text(fields, name));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
