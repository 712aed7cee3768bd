package dev.gongkai.publishing.compiled;

import static dev.gongkai.platform.jooq.core.Tables.COMPILED_REVISION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.val;

import dev.gongkai.contract.CompiledView;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.jooq.core.tables.records.CompiledRevisionRecord;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.render.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published revisions of compiled reports in {@code core.compiled_revision}: each publication adds a row with
 * the next number; none is ever changed (a trigger refuses updates), so every earlier revision stays readable.
 */
public class CompiledRevisions {

    private final DSLContext dsl;
    private final JsonMapper json;
    /** The service's clock, like the deadlines and reminders it is read against. */
    private final Clock clock;

    CompiledRevisions(DSLContext dsl, JsonMapper json, Clock clock) {
        this.dsl = dsl;
        this.json = json;
        this.clock = clock;
    }

    /** Adds the next revision; the jurisdiction's draft row is locked by the caller's transaction. */
    int add(
            JurisdictionSlug jurisdiction,
            int year,
            CompiledView.Scope scope,
            CompiledReport compiled,
            String by,
            String reason) {
        var c = COMPILED_REVISION;
        int number = dsl.select(coalesce(max(c.NUMBER), val(0)))
                        .from(c)
                        .where(c.JURISDICTION_SLUG.eq(jurisdiction.value()), c.YEAR.eq(year), c.SCOPE.eq(scope.code()))
                        .fetchOne(0, Integer.class)
                + 1;
        CompiledRevision.Facts facts = new CompiledRevision.Facts(
                compiled.scopeZh(),
                compiled.jurisdictionsZh(),
                compiled.included(),
                compiled.missing(),
                compiled.complete(),
                compiled.incompleteCells());
        dsl.insertInto(c)
                .set(c.JURISDICTION_SLUG, jurisdiction.value())
                .set(c.YEAR, year)
                .set(c.SCOPE, scope.code())
                .set(c.NUMBER, number)
                .set(c.DOCUMENT, JSONB.valueOf(CanonicalJson.write(compiled.report())))
                .set(c.FACTS, JSONB.valueOf(json.writeValueAsString(facts)))
                .set(c.PUBLISHED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .set(c.PUBLISHED_BY, by)
                .set(c.CORRECTION, number > 1)
                .set(c.REASON, number > 1 ? reason : null)
                .execute();
        return number;
    }

    public Optional<CompiledRevision> find(JurisdictionSlug jurisdiction, int year, String scope, int number) {
        var c = COMPILED_REVISION;
        return dsl.selectFrom(c)
                .where(
                        c.JURISDICTION_SLUG.eq(jurisdiction.value()),
                        c.YEAR.eq(year),
                        c.SCOPE.eq(scope),
                        c.NUMBER.eq(number))
                .fetchOptional(this::revision);
    }

    public Optional<CompiledRevision> current(JurisdictionSlug jurisdiction, int year, String scope) {
        var c = COMPILED_REVISION;
        return dsl.selectFrom(c)
                .where(c.JURISDICTION_SLUG.eq(jurisdiction.value()), c.YEAR.eq(year), c.SCOPE.eq(scope))
                .orderBy(c.NUMBER.desc())
                .limit(1)
                .fetchOptional(this::revision);
    }

    /** Oldest first. */
    public List<CompiledView.Publication> history(JurisdictionSlug jurisdiction, int year, String scope) {
        var c = COMPILED_REVISION;
        return dsl.select(c.NUMBER, c.PUBLISHED_AT, c.CORRECTION, c.REASON)
                .from(c)
                .where(c.JURISDICTION_SLUG.eq(jurisdiction.value()), c.YEAR.eq(year), c.SCOPE.eq(scope))
                .orderBy(c.NUMBER)
                .fetch(r -> new CompiledView.Publication(r.value1(), r.value2().toInstant(), r.value3(), r.value4()));
    }

    /** The years with a published compiled report, newest first, each with its scopes (本级 before 全市). */
    public java.util.Map<Integer, List<String>> published(JurisdictionSlug jurisdiction) {
        var c = COMPILED_REVISION;
        java.util.Map<Integer, List<String>> years = new java.util.LinkedHashMap<>();
        dsl.selectDistinct(c.YEAR, c.SCOPE)
                .from(c)
                .where(c.JURISDICTION_SLUG.eq(jurisdiction.value()))
                .orderBy(c.YEAR.desc(), c.SCOPE.desc())
                .forEach(r -> years.computeIfAbsent(r.value1(), y -> new java.util.ArrayList<>())
                        .add(r.value2()));
        return years;
    }

    private CompiledRevision revision(CompiledRevisionRecord r) {
        try {
            return new CompiledRevision(
                    r.getJurisdictionSlug(),
                    r.getYear(),
                    r.getScope(),
                    r.getNumber(),
                    CanonicalJson.read(r.getDocument().data().getBytes(StandardCharsets.UTF_8))
                            .report(),
                    json.readValue(r.getFacts().data(), CompiledRevision.Facts.class),
                    r.getPublishedAt().toInstant(),
                    r.getPublishedBy(),
                    r.getCorrection(),
                    r.getReason());
        } catch (UnreadableReportException e) {
            // Only canonical JSON is ever stored (add writes it), so this is corruption.
            throw new IllegalStateException(
                    "compiled revision " + r.getJurisdictionSlug() + "/" + r.getYear() + "/" + r.getScope() + "/"
                            + r.getNumber() + " is unreadable",
                    e);
        }
    }
}
