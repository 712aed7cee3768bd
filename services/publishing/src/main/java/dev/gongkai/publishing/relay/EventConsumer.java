package dev.gongkai.publishing.relay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.Map;

/**
 * Reads the event stream as member {@code consumerName} of its group and hands each entry to
 * the {@link EventHandlers}; an entry is acknowledged only after its effect committed, so a failure (or a crash)
 * leaves it pending and it is handled again on the next run (own pending entries are read first, from id 0).
 */
public class EventConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final StringRedisTemplate redis;
    private final EventHandlers handlers;
    private final EventStream stream;
    private final String consumerName;
    private final int batchSize;
    private volatile boolean groupReady;

    public EventConsumer(StringRedisTemplate redis, EventHandlers handlers, EventStream stream,
                         String consumerName, int batchSize) {
        this.redis = redis;
        this.handlers = handlers;
        this.stream = stream;
        this.consumerName = consumerName;
        this.batchSize = batchSize;
    }

    /** Handles everything the stream holds for this consumer now; returns how many entries were acknowledged. */
    public int consumeAvailable() {
        try {
            ensureGroup();
            int acknowledged = consume(ReadOffset.from("0")).acknowledged();
            while (true) {
                Read read = consume(ReadOffset.lastConsumed());
                acknowledged += read.acknowledged();
                if (read.read() < batchSize) {
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

    private Read consume(ReadOffset offset) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(
                Consumer.from(stream.group(), consumerName), StreamReadOptions.empty().count(batchSize),
                StreamOffset.create(stream.key(), offset));
        if (records == null) {
            return new Read(0, 0);
        }
        int acknowledged = 0;
        for (MapRecord<String, Object, Object> record : records) {
            Map<Object, Object> fields = record.getValue();
            if (fields == null || fields.isEmpty()) {
                // A pending entry trimmed away from the stream: nothing left to handle, so let it go.
                redis.opsForStream().acknowledge(stream.key(), stream.group(), record.getId());
                continue;
            }
            try {
                handlers.handle(Long.parseLong(String.valueOf(fields.get(EventStream.ID))),
                        String.valueOf(fields.get(EventStream.TYPE)), String.valueOf(fields.get(EventStream.PAYLOAD)));
            } catch (RuntimeException e) {
                log.warn("Event {} ({}) failed; it stays pending and is retried: {}", fields.get(EventStream.ID),
                        fields.get(EventStream.TYPE), e.toString());
                continue;
            }
            redis.opsForStream().acknowledge(stream.key(), stream.group(), record.getId());
            acknowledged++;
        }
        return new Read(records.size(), acknowledged);
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

    private record Read(int read, int acknowledged) {
    }
}
