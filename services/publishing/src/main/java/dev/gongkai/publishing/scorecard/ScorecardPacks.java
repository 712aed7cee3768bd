package dev.gongkai.publishing.scorecard;

import static dev.gongkai.platform.jooq.core.Tables.SCORECARD_PACK;

import dev.gongkai.contract.ScorecardPack;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.tenancy.Actor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

/** The packs offices configured, one per jurisdiction and year, in {@code core.scorecard_pack}. */
class ScorecardPacks {

    /** What is stored as JSON; the year and the author are columns. */
    record Stored(BigDecimal base, LocalDate line, List<ScorecardPack.Deduction> deductions) {}

    private final DSLContext dsl;
    private final JsonMapper json;

    ScorecardPacks(DSLContext dsl, JsonMapper json) {
        this.dsl = dsl;
        this.json = json;
    }

    /** The configured pack, or the default one. */
    ScorecardPack of(JurisdictionSlug jurisdiction, int year) {
        return dsl.selectFrom(SCORECARD_PACK)
                .where(SCORECARD_PACK.JURISDICTION_SLUG.eq(jurisdiction.value()), SCORECARD_PACK.YEAR.eq(year))
                .fetchOptional()
                .map(r -> {
                    Stored stored = json.readValue(r.getPack().data(), Stored.class);
                    return new ScorecardPack(
                            year,
                            stored.base(),
                            stored.line(),
                            stored.deductions(),
                            false,
                            r.getUpdatedBy(),
                            r.getUpdatedByName(),
                            r.getUpdatedByAgency(),
                            r.getUpdatedAt().toInstant());
                })
                .orElseGet(() -> ScorecardItems.defaultFor(year));
    }

    ScorecardPack save(JurisdictionSlug jurisdiction, int year, Stored pack, Actor by) {
        JSONB document = JSONB.valueOf(json.writeValueAsString(pack));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.insertInto(SCORECARD_PACK)
                .set(SCORECARD_PACK.JURISDICTION_SLUG, jurisdiction.value())
                .set(SCORECARD_PACK.YEAR, year)
                .set(SCORECARD_PACK.PACK, document)
                .set(SCORECARD_PACK.UPDATED_BY, by.username())
                .set(SCORECARD_PACK.UPDATED_BY_NAME, by.name())
                .set(SCORECARD_PACK.UPDATED_BY_AGENCY, by.agency())
                .set(SCORECARD_PACK.UPDATED_AT, now)
                .onConflict(SCORECARD_PACK.JURISDICTION_SLUG, SCORECARD_PACK.YEAR)
                .doUpdate()
                .set(SCORECARD_PACK.PACK, document)
                .set(SCORECARD_PACK.UPDATED_BY, by.username())
                .set(SCORECARD_PACK.UPDATED_BY_NAME, by.name())
                .set(SCORECARD_PACK.UPDATED_BY_AGENCY, by.agency())
                .set(SCORECARD_PACK.UPDATED_AT, now)
                .execute();
        return of(jurisdiction, year);
    }
}
