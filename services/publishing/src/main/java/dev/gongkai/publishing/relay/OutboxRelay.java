package dev.gongkai.publishing.relay;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;

/**
 * Forwards {@code core.outbox} rows to the Redis stream {@code gongkai:events} in id order and marks them sent.
 * <p>
 * Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same batch. A row is marked
 * only after Redis accepted it; when Redis fails mid-batch the rows sent so far are marked and the rest wait for
 * the next run. A crash between XADD and the commit sends a row twice, which the consumers' idempotency absorbs:
 * at least once on the wire, exactly once in effect.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final StringRedisTemplate redis;
    private final EventStream stream;
    private final int batchSize;
    private final long maxLength;

    public OutboxRelay(DSLContext dsl, TransactionTemplate transactions, StringRedisTemplate redis, EventStream stream,
                       int batchSize, long maxLength) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.redis = redis;
        this.stream = stream;
        this.batchSize = batchSize;
        this.maxLength = maxLength;
    }

    /** Sends every pending row it can; returns how many were sent. Never throws because Redis is down. */
    public int relayPending() {
        int total = 0;
        while (true) {
            Batch batch = transactions.execute(status -> relayBatch());
            total += batch.sent();
            if (batch.failed() || batch.sent() < batchSize) {
                if (batch.sent() > 0 || total > 0) {
                    trim();
                }
                return total;
            }
        }
    }

    private Batch relayBatch() {
        var rows = dsl.selectFrom(OUTBOX).where(OUTBOX.PUBLISHED_AT.isNull()).orderBy(OUTBOX.ID)
                .limit(batchSize).forUpdate().skipLocked().fetch();
        List<Long> sent = new ArrayList<>(rows.size());
        boolean failed = false;
        for (var row : rows) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(EventStream.ID, row.getId().toString());
            fields.put(EventStream.TYPE, row.getType());
            fields.put(EventStream.AGGREGATE, row.getAggregate());
            fields.put(EventStream.PAYLOAD, row.getPayload().data());
            try {
                redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream.key()));
                sent.add(row.getId());
            } catch (DataAccessException e) {
                log.warn("Redis refused outbox event {} ({}); it stays in the outbox: {}", row.getId(), row.getType(),
                        e.getMessage());
                failed = true;
                break;
            }
        }
        if (!sent.isEmpty()) {
            dsl.update(OUTBOX).set(OUTBOX.PUBLISHED_AT, OffsetDateTime.now()).where(OUTBOX.ID.in(sent)).execute();
        }
        return new Batch(sent.size(), failed);
    }

    private void trim() {
        try {
            redis.opsForStream().trim(stream.key(), maxLength, true);
        } catch (DataAccessException e) {
            log.debug("Trimming the event stream failed: {}", e.getMessage());
        }
    }

    private record Batch(int sent, boolean failed) {
    }
}
