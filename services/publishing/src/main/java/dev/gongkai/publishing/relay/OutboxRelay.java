package dev.gongkai.publishing.relay;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Forwards {@code core.outbox} rows to the Redis stream {@code gongkai:events} in id order and marks them sent.
 * <p>
 * No transaction is open while Redis is called: a batch is first taken with a lease ({@code relay_lease_until}, one
 * statement over rows locked {@code FOR UPDATE SKIP LOCKED}), so two instances never send the same batch, then sent,
 * then marked sent. When Redis fails mid-batch the rows sent so far are marked and the lease of the rest is given
 * back for the next run; a relay that dies mid-batch leaves its lease to expire. A crash between XADD and marking
 * sends a row twice, which the consumers' idempotency absorbs: at least once on the wire, exactly once in effect.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DSLContext dsl;
    private final StringRedisTemplate redis;
    private final EventStream stream;
    private final int batchSize;
    private final long maxLength;
    private final Duration lease;

    public OutboxRelay(
            DSLContext dsl,
            StringRedisTemplate redis,
            EventStream stream,
            int batchSize,
            long maxLength,
            Duration lease) {
        this.dsl = dsl;
        this.redis = redis;
        this.stream = stream;
        this.batchSize = batchSize;
        this.maxLength = maxLength;
        this.lease = lease;
    }

    /** Sends every pending row it can; returns how many were sent. Never throws because Redis is down. */
    public int relayPending() {
        int total = 0;
        while (true) {
            Batch batch = relayBatch();
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
        OffsetDateTime now = OffsetDateTime.now();
        var due = DSL.select(OUTBOX.ID)
                .from(OUTBOX)
                .where(
                        OUTBOX.PUBLISHED_AT.isNull(),
                        OUTBOX.RELAY_LEASE_UNTIL.isNull().or(OUTBOX.RELAY_LEASE_UNTIL.lt(now)))
                .orderBy(OUTBOX.ID)
                .limit(batchSize)
                .forUpdate()
                .skipLocked();
        var rows = new ArrayList<>(dsl.update(OUTBOX)
                .set(OUTBOX.RELAY_LEASE_UNTIL, now.plus(lease))
                .where(OUTBOX.ID.in(due))
                .returning()
                .fetch());
        rows.sort(Comparator.comparing(r -> r.getId()));
        List<Long> sent = new ArrayList<>(rows.size());
        List<Long> unsent = new ArrayList<>();
        boolean failed = false;
        for (var row : rows) {
            if (failed) {
                unsent.add(row.getId());
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(EventStream.ID, row.getId().toString());
            fields.put(EventStream.TYPE, row.getType());
            fields.put(EventStream.AGGREGATE, row.getAggregate());
            fields.put(EventStream.PAYLOAD, row.getPayload().data());
            try {
                redis.opsForStream().add(StreamRecords.string(fields).withStreamKey(stream.key()));
                sent.add(row.getId());
            } catch (DataAccessException e) {
                log.warn(
                        "Redis refused outbox event {} ({}); it stays in the outbox: {}",
                        row.getId(),
                        row.getType(),
                        e.getMessage());
                failed = true;
                unsent.add(row.getId());
            }
        }
        if (!sent.isEmpty()) {
            dsl.update(OUTBOX)
                    .set(OUTBOX.PUBLISHED_AT, OffsetDateTime.now())
                    .where(OUTBOX.ID.in(sent))
                    .execute();
        }
        if (!unsent.isEmpty()) {
            dsl.update(OUTBOX)
                    .setNull(OUTBOX.RELAY_LEASE_UNTIL)
                    .where(OUTBOX.ID.in(unsent))
                    .execute();
        }
        return new Batch(sent.size(), failed);
    }

    /** Deletes sent rows older than the retention, a thousand at a time; returns how many. */
    public int deleteSentBefore(OffsetDateTime cutoff) {
        int total = 0;
        while (true) {
            int deleted = dsl.deleteFrom(OUTBOX)
                    .where(OUTBOX.ID.in(DSL.select(OUTBOX.ID)
                            .from(OUTBOX)
                            .where(OUTBOX.PUBLISHED_AT.lt(cutoff))
                            .orderBy(OUTBOX.ID)
                            .limit(1000)))
                    .execute();
            total += deleted;
            if (deleted < 1000) {
                if (total > 0) {
                    log.info("Deleted {} outbox rows sent before {}", total, cutoff);
                }
                return total;
            }
        }
    }

    private void trim() {
        try {
            redis.opsForStream().trim(stream.key(), maxLength, true);
        } catch (DataAccessException e) {
            log.debug("Trimming the event stream failed: {}", e.getMessage());
        }
    }

    private record Batch(int sent, boolean failed) {}
}
