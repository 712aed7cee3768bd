package dev.gongkai.reports.audit;

import dev.gongkai.platform.agency.AgencySlug;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.gongkai.platform.jooq.agency_template.Tables.AUDIT_ENTRY;

/**
 * The agency's append-only, hash-chained audit trail. Each entry's hash covers its predecessor's hash and its own
 * content as PostgreSQL stores it ({@code jsonb} text is canonical), computed by PostgreSQL both when appending and
 * when verifying, so the two can never disagree about how a value is spelled.
 */
@Component
public class AuditTrail {

    private final JsonMapper json;

    public AuditTrail(JsonMapper json) {
        this.json = json;
    }

    /**
     * Appends one entry in the caller's transaction. Appends of one agency are serialised by a transaction-scoped
     * advisory lock, so two concurrent requests can never both chain onto the same predecessor.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(DSLContext dsl, AgencySlug agency, String actor, String action, String target,
                       Object before, Object after) {
        dsl.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, DSL.val("audit:" + agency.value())))
                .fetch();
        // Read in its own statement after the lock, so it sees every entry committed before the lock was granted.
        Field<String> previous = DSL.field(DSL.select(AUDIT_ENTRY.HASH).from(AUDIT_ENTRY)
                .orderBy(AUDIT_ENTRY.ID.desc()).limit(1));
        OffsetDateTime at = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        JSONB beforeJson = before == null ? null : JSONB.valueOf(json.writeValueAsString(before));
        JSONB afterJson = after == null ? null : JSONB.valueOf(json.writeValueAsString(after));
        dsl.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.AT, at)
                .set(AUDIT_ENTRY.ACTOR, actor)
                .set(AUDIT_ENTRY.ACTION, action)
                .set(AUDIT_ENTRY.TARGET, target)
                .set(AUDIT_ENTRY.BEFORE, beforeJson)
                .set(AUDIT_ENTRY.AFTER, afterJson)
                .set(AUDIT_ENTRY.PREV_HASH, previous)
                .set(AUDIT_ENTRY.HASH, digest(previous, DSL.val(at), DSL.val(actor), DSL.val(action), DSL.val(target),
                        DSL.val(beforeJson, SQLDataType.JSONB), DSL.val(afterJson, SQLDataType.JSONB)))
                .execute();
    }

    /** Walks the whole chain; the first entry whose hash or link does not match breaks it. */
    public Verification verify(DSLContext dsl) {
        var rows = dsl.select(AUDIT_ENTRY.ID, AUDIT_ENTRY.PREV_HASH, AUDIT_ENTRY.HASH,
                        digest(AUDIT_ENTRY.PREV_HASH, AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ACTION,
                                AUDIT_ENTRY.TARGET, AUDIT_ENTRY.BEFORE, AUDIT_ENTRY.AFTER))
                .from(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.ID).fetch();
        String previous = null;
        for (var row : rows) {
            if (!java.util.Objects.equals(row.value2(), previous)) {
                return new Verification(false, rows.size(), row.value1(), "link",
                        "第 " + row.value1() + " 条记录与前一条记录的链接不符（记录被删除、插入或改动）",
                        "entry " + row.value1() + " does not link to its predecessor (an entry was removed, inserted or altered)");
            }
            if (!row.value3().equals(row.value4())) {
                return new Verification(false, rows.size(), row.value1(), "content",
                        "第 " + row.value1() + " 条记录的内容与其哈希值不符（记录被改动）",
                        "entry " + row.value1() + " does not match its hash (it was altered)");
            }
            previous = row.value3();
        }
        return new Verification(true, rows.size(), null, null, "审计记录完整", "The audit trail is intact");
    }

    public List<Entry> entries(DSLContext dsl, String target) {
        return dsl.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.TARGET.eq(target).or(AUDIT_ENTRY.TARGET.startsWith(target + "/")))
                .orderBy(AUDIT_ENTRY.ID)
                .fetch(r -> new Entry(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getTarget(),
                        r.getBefore() == null ? null : json.readTree(r.getBefore().data()),
                        r.getAfter() == null ? null : json.readTree(r.getAfter().data()), r.getHash()));
    }

    public record Entry(long id, OffsetDateTime at, String actor, String action, String target,
                        tools.jackson.databind.JsonNode before, tools.jackson.databind.JsonNode after, String hash) {
    }

    /**
     * @param brokenAt the first entry that fails, else null
     */
    public record Verification(boolean intact, int entries, Long brokenAt, String problem,
                               @com.fasterxml.jackson.annotation.JsonProperty("message_zh") String messageZh,
                               @com.fasterxml.jackson.annotation.JsonProperty("message_en") String messageEn) {
    }

    private static Field<String> digest(Field<String> previous, Field<OffsetDateTime> at, Field<String> actor,
                                        Field<String> action, Field<String> target, Field<JSONB> before,
                                        Field<JSONB> after) {
        return DSL.field("encode(sha256(convert_to(concat_ws('|', coalesce({0}, ''), "
                        + "to_char({1} at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), {2}, {3}, {4}, "
                        + "coalesce({5}::text, ''), coalesce({6}::text, '')), 'UTF8')), 'hex')",
                String.class, previous, at, actor, action, target, before, after);
    }
}
