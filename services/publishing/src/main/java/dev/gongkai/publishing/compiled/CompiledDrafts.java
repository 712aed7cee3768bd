package dev.gongkai.publishing.compiled;

import static dev.gongkai.platform.jooq.core.Tables.COMPILED_DRAFT;

import dev.gongkai.contract.CompiledView;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.report.model.Section;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office's narrative of its compiled report (sections 一、五、六) per jurisdiction, year and scope, in
 * {@code core.compiled_draft}. Saved with optimistic concurrency: a save names the version it edited (version 0: none
 * saved yet) and is refused when someone saved since, as a report's PATCH is.
 */
class CompiledDrafts {

    static final int MAX_SECTION_LENGTH = 20_000;

    /** @param version 0 while nothing was saved */
    record Draft(Map<String, String> narrative, int version, String updatedBy, Instant updatedAt) {
        static final Draft NONE = new Draft(Map.of(), 0, null, null);
    }

    private final DSLContext dsl;
    private final JsonMapper json;

    CompiledDrafts(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    Draft find(JurisdictionSlug jurisdiction, int year, CompiledView.Scope scope) {
        return dsl.selectFrom(COMPILED_DRAFT)
                .where(
                        COMPILED_DRAFT.JURISDICTION_SLUG.eq(jurisdiction.value()),
                        COMPILED_DRAFT.YEAR.eq(year),
                        COMPILED_DRAFT.SCOPE.eq(scope.code()))
                .fetchOptional()
                .map(r -> new Draft(
                        json.readValue(r.getNarrative().data(), new TypeReference<TreeMap<String, String>>() {}),
                        r.getVersion(),
                        r.getUpdatedBy(),
                        r.getUpdatedAt().toInstant()))
                .orElse(Draft.NONE);
    }

    /** The draft, its row locked until the transaction ends (nothing to lock while none was saved). */
    Draft lock(JurisdictionSlug jurisdiction, int year, CompiledView.Scope scope) {
        dsl.select(COMPILED_DRAFT.VERSION)
                .from(COMPILED_DRAFT)
                .where(
                        COMPILED_DRAFT.JURISDICTION_SLUG.eq(jurisdiction.value()),
                        COMPILED_DRAFT.YEAR.eq(year),
                        COMPILED_DRAFT.SCOPE.eq(scope.code()))
                .forUpdate()
                .fetchOptional();
        return find(jurisdiction, year, scope);
    }

    /** Replaces the narrative if {@code expected} is still the stored version; 409 otherwise. */
    Draft save(
            JurisdictionSlug jurisdiction,
            int year,
            CompiledView.Scope scope,
            Map<String, String> narrative,
            int expected,
            String by) {
        Map<String, String> clean = validate(narrative);
        JSONB document = JSONB.valueOf(json.writeValueAsString(clean));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int written = expected == 0
                ? dsl.insertInto(COMPILED_DRAFT)
                        .set(COMPILED_DRAFT.JURISDICTION_SLUG, jurisdiction.value())
                        .set(COMPILED_DRAFT.YEAR, year)
                        .set(COMPILED_DRAFT.SCOPE, scope.code())
                        .set(COMPILED_DRAFT.NARRATIVE, document)
                        .set(COMPILED_DRAFT.VERSION, 1)
                        .set(COMPILED_DRAFT.UPDATED_BY, by)
                        .set(COMPILED_DRAFT.UPDATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                : dsl.update(COMPILED_DRAFT)
                        .set(COMPILED_DRAFT.NARRATIVE, document)
                        .set(COMPILED_DRAFT.VERSION, expected + 1)
                        .set(COMPILED_DRAFT.UPDATED_BY, by)
                        .set(COMPILED_DRAFT.UPDATED_AT, now)
                        .where(
                                COMPILED_DRAFT.JURISDICTION_SLUG.eq(jurisdiction.value()),
                                COMPILED_DRAFT.YEAR.eq(year),
                                COMPILED_DRAFT.SCOPE.eq(scope.code()),
                                COMPILED_DRAFT.VERSION.eq(expected))
                        .execute();
        if (written == 0) {
            throw new ApiException(
                            ProblemCode.REPORT_REVISION_STALE,
                            find(jurisdiction, year, scope).version(),
                            expected)
                    .atField("If-Match");
        }
        return find(jurisdiction, year, scope);
    }

    /** Only the narrative sections, each within reason; an empty text is no text. */
    private static Map<String, String> validate(Map<String, String> narrative) {
        Map<String, String> clean = new TreeMap<>();
        if (narrative == null) {
            return clean;
        }
        for (Map.Entry<String, String> section : narrative.entrySet()) {
            boolean known = Section.NARRATIVES.stream().anyMatch(s -> s.key().equals(section.getKey()));
            if (!known || section.getValue() != null && section.getValue().length() > MAX_SECTION_LENGTH) {
                throw new ApiException(ProblemCode.COMPILED_NARRATIVE_INVALID, String.valueOf(MAX_SECTION_LENGTH))
                        .atField(String.valueOf(section.getKey()));
            }
            if (section.getValue() != null && !section.getValue().isBlank()) {
                clean.put(section.getKey(), section.getValue());
            }
        }
        return clean;
    }
}
