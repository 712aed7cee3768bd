package dev.gongkai.reports.audit;

import static dev.gongkai.platform.jooq.agency_template.Tables.AUDIT_ENTRY;
import static dev.gongkai.platform.jooq.core.Tables.AUDIT_CHECKPOINT;

import dev.gongkai.contract.AuditEntryView;
import dev.gongkai.contract.AuditVerification;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.tenancy.Actor;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agency's append-only, hash-chained audit trail. Each entry's hash covers its predecessor's hash and its own
 * content as PostgreSQL stores it ({@code jsonb} text is canonical), computed by PostgreSQL both when appending and
 * when verifying, so the two can never disagree about how a value is spelled.
 * <p>
 * The table refuses UPDATE and DELETE (a trigger of the tenant changelog), and every {@code checkpointEvery}-th
 * entry anchors the chain's head in {@code core.audit_checkpoint}, outside the agency's schema, under an HMAC with a
 * server key the database does not hold: whoever deletes the newest entries (a superuser can disable the trigger)
 * cannot move the anchor back without the key, so the verifier sees that the chain no longer reaches it.
 */
@Component
public class AuditTrail {

    private final JsonMapper json;
    private final SecretKeySpec checkpointKey;
    private final int checkpointEvery;

    public AuditTrail(
            JsonMapper json,
            @Value("${gongkai.audit.checkpoint-key}") String checkpointKey,
            @Value("${gongkai.audit.checkpoint-every:1}") int checkpointEvery) {
        if (checkpointKey.length() < 16 || checkpointEvery < 1) {
            throw new IllegalStateException("gongkai.audit.checkpoint-key must have at least 16 characters and "
                    + "gongkai.audit.checkpoint-every must be at least 1");
        }
        this.json = json;
        this.checkpointKey = new SecretKeySpec(checkpointKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * Appends one entry in the caller's transaction. Appends of one agency are serialised by a transaction-scoped
     * advisory lock, so two concurrent requests can never both chain onto the same predecessor.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(
            DSLContext dsl, AgencySlug agency, Actor actor, String action, String target, Object before, Object after) {
        dsl.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, DSL.val("audit:" + agency.value())))
                .fetch();
        // Read in its own statement after the lock, so it sees every entry committed before the lock was granted
        // (and not as a subquery of the insert, which Citus refuses on a distributed schema's table).
        Field<String> previous = DSL.val(
                dsl.select(AUDIT_ENTRY.HASH)
                        .from(AUDIT_ENTRY)
                        .orderBy(AUDIT_ENTRY.ID.desc())
                        .limit(1)
                        .fetchOne(AUDIT_ENTRY.HASH),
                SQLDataType.VARCHAR);
        OffsetDateTime at = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        JSONB beforeJson = before == null ? null : JSONB.valueOf(json.writeValueAsString(before));
        JSONB afterJson = after == null ? null : JSONB.valueOf(json.writeValueAsString(after));
        var appended = dsl.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.AT, at)
                .set(AUDIT_ENTRY.ACTOR, actor.username())
                .set(AUDIT_ENTRY.ACTOR_NAME, actor.name())
                .set(AUDIT_ENTRY.ACTOR_AGENCY, actor.agency())
                .set(AUDIT_ENTRY.ACTION, action)
                .set(AUDIT_ENTRY.TARGET, target)
                .set(AUDIT_ENTRY.BEFORE, beforeJson)
                .set(AUDIT_ENTRY.AFTER, afterJson)
                .set(AUDIT_ENTRY.PREV_HASH, previous)
                .set(
                        AUDIT_ENTRY.HASH,
                        digest(
                                previous,
                                DSL.val(at),
                                DSL.val(actor.username()),
                                DSL.val(action),
                                DSL.val(target),
                                DSL.val(beforeJson, SQLDataType.JSONB),
                                DSL.val(afterJson, SQLDataType.JSONB)))
                .returning(AUDIT_ENTRY.ID, AUDIT_ENTRY.HASH)
                .fetchOne();
        if (appended.getId() % checkpointEvery == 0) {
            anchor(dsl, agency, appended.getId(), appended.getHash());
        }
    }

    /** Moves the agency's checkpoint forward (never back) to this entry, in the append's transaction. */
    private void anchor(DSLContext dsl, AgencySlug agency, long entryId, String entryHash) {
        String mac = mac(agency.value(), entryId, entryHash);
        dsl.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.AGENCY_SLUG, agency.value())
                .set(AUDIT_CHECKPOINT.ENTRY_ID, entryId)
                .set(AUDIT_CHECKPOINT.ENTRY_HASH, entryHash)
                .set(AUDIT_CHECKPOINT.MAC, mac)
                .onConflict(AUDIT_CHECKPOINT.AGENCY_SLUG)
                .doUpdate()
                .set(AUDIT_CHECKPOINT.ENTRY_ID, entryId)
                .set(AUDIT_CHECKPOINT.ENTRY_HASH, entryHash)
                .set(AUDIT_CHECKPOINT.MAC, mac)
                .set(AUDIT_CHECKPOINT.ANCHORED_AT, DSL.currentOffsetDateTime())
                .where(AUDIT_CHECKPOINT.ENTRY_ID.lt(entryId))
                .execute();
    }

    private String mac(String agency, long entryId, String entryHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(checkpointKey);
            return HexFormat.of()
                    .formatHex(
                            mac.doFinal((agency + "\n" + entryId + "\n" + entryHash).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Walks the whole chain (the first entry whose hash or link does not match breaks it), then checks that it still
     * reaches the agency's checkpoint: an authentic checkpoint whose entry is gone, or holds another hash, means the
     * newest entries were deleted or replaced.
     */
    public AuditVerification verify(DSLContext dsl, AgencySlug agency) {
        var rows = dsl.select(
                        AUDIT_ENTRY.ID,
                        AUDIT_ENTRY.PREV_HASH,
                        AUDIT_ENTRY.HASH,
                        digest(
                                AUDIT_ENTRY.PREV_HASH,
                                AUDIT_ENTRY.AT,
                                AUDIT_ENTRY.ACTOR,
                                AUDIT_ENTRY.ACTION,
                                AUDIT_ENTRY.TARGET,
                                AUDIT_ENTRY.BEFORE,
                                AUDIT_ENTRY.AFTER))
                .from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.ID)
                .fetch();
        var checkpoint = dsl.selectFrom(AUDIT_CHECKPOINT)
                .where(AUDIT_CHECKPOINT.AGENCY_SLUG.eq(agency.value()))
                .fetchOptional();
        Long anchored = checkpoint.map(c -> c.getEntryId()).orElse(null);
        String previous = null;
        String anchoredHash = null;
        for (var row : rows) {
            if (!Objects.equals(row.value2(), previous)) {
                return new AuditVerification(
                        false,
                        rows.size(),
                        row.value1(),
                        "link",
                        anchored,
                        "第 " + row.value1() + " 条记录与前一条记录的链接不符（记录被删除、插入或改动）",
                        "entry " + row.value1()
                                + " does not link to its predecessor (an entry was removed, inserted or altered)");
            }
            if (!row.value3().equals(row.value4())) {
                return new AuditVerification(
                        false,
                        rows.size(),
                        row.value1(),
                        "content",
                        anchored,
                        "第 " + row.value1() + " 条记录的内容与其哈希值不符（记录被改动）",
                        "entry " + row.value1() + " does not match its hash (it was altered)");
            }
            if (row.value1().equals(anchored)) {
                anchoredHash = row.value3();
            }
            previous = row.value3();
        }
        if (checkpoint.isPresent()) {
            var c = checkpoint.get();
            boolean authentic = MessageDigest.isEqual(
                    mac(agency.value(), c.getEntryId(), c.getEntryHash()).getBytes(StandardCharsets.US_ASCII),
                    c.getMac().getBytes(StandardCharsets.US_ASCII));
            if (!authentic) {
                return new AuditVerification(
                        false,
                        rows.size(),
                        null,
                        "checkpoint",
                        anchored,
                        "审计锚点的签名无效（锚点被改动）",
                        "The audit checkpoint's signature is not valid (the checkpoint was altered)");
            }
            if (!c.getEntryHash().equals(anchoredHash)) {
                return new AuditVerification(
                        false,
                        rows.size(),
                        c.getEntryId(),
                        "truncated",
                        anchored,
                        "审计记录已锚定至第 " + c.getEntryId() + " 条，但该条已不在记录中或已被替换（最新的记录被删除）",
                        "The trail was anchored at entry " + c.getEntryId() + ", which is no longer there as it was "
                                + "(the newest entries were deleted)");
            }
        }
        return new AuditVerification(true, rows.size(), null, null, anchored, "审计记录完整", "The audit trail is intact");
    }

    public List<AuditEntryView> entries(DSLContext dsl, String target) {
        return dsl.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.TARGET.eq(target).or(AUDIT_ENTRY.TARGET.startsWith(target + "/")))
                .orderBy(AUDIT_ENTRY.ID)
                .fetch(r -> new AuditEntryView(
                        r.getId(),
                        r.getAt(),
                        r.getActor(),
                        r.getActorName(),
                        r.getActorAgency(),
                        r.getAction(),
                        r.getTarget(),
                        object(r.getBefore()),
                        object(r.getAfter()),
                        r.getHash()));
    }

    /** An entry's {@code before} or {@code after}: always a JSON object, as {@link #append} is given a map. */
    private Map<String, Object> object(JSONB value) {
        return value == null ? null : json.readValue(value.data(), new TypeReference<Map<String, Object>>() {});
    }

    private static Field<String> digest(
            Field<String> previous,
            Field<OffsetDateTime> at,
            Field<String> actor,
            Field<String> action,
            Field<String> target,
            Field<JSONB> before,
            Field<JSONB> after) {
        return DSL.field(
                "encode(sha256(convert_to(concat_ws('|', coalesce({0}, ''), "
                        + "to_char({1} at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), {2}, {3}, {4}, "
                        + "coalesce({5}::text, ''), coalesce({6}::text, '')), 'UTF8')), 'hex')",
                String.class, previous, at, actor, action, target, before, after);
    }
}
