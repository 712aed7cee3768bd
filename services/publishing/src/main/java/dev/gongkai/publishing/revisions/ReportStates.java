package dev.gongkai.publishing.revisions;

import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.jooq.core.tables.records.ReportStateRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.RecordMapper;
import org.jooq.impl.DSL;

/** Queries of the agency×year read model in {@code core}. */
public class ReportStates {

    static final RecordMapper<ReportStateRecord, ReportState> TO_STATE = r -> new ReportState(
            r.getAgencySlug(),
            r.getYear(),
            r.getJurisdictionSlug(),
            r.getStatus(),
            r.getLastAction(),
            instant(r.getStatusAt()),
            r.getReportRevision(),
            r.getErrors(),
            r.getWarnings(),
            r.getUnexplainedWarnings(),
            instant(r.getSubmittedAt()),
            instant(r.getApprovedAt()),
            instant(r.getFirstPublishedAt()),
            instant(r.getLastPublishedAt()),
            r.getPublishedRevision(),
            r.getCorrections(),
            r.getDeadline(),
            r.getLate(),
            r.getImported(),
            r.getWebsiteUrl(),
            r.getVersion());

    private final DSLContext dsl;

    public ReportStates(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<ReportState> find(AgencySlug agency, int year) {
        return dsl.selectFrom(REPORT_STATE)
                .where(REPORT_STATE.AGENCY_SLUG.eq(agency.value()), REPORT_STATE.YEAR.eq(year))
                .fetchOptional(TO_STATE);
    }

    /** The year's rows of these agencies (those without a report have none), by agency. */
    public List<ReportState> of(Collection<AgencySlug> agencies, int year) {
        return dsl.selectFrom(REPORT_STATE)
                .where(
                        REPORT_STATE.AGENCY_SLUG.in(
                                agencies.stream().map(AgencySlug::value).toList()),
                        REPORT_STATE.YEAR.eq(year))
                .orderBy(REPORT_STATE.AGENCY_SLUG)
                .fetch(TO_STATE);
    }

    public List<ReportState> inJurisdiction(JurisdictionSlug jurisdiction) {
        return dsl.selectFrom(REPORT_STATE)
                .where(REPORT_STATE.JURISDICTION_SLUG.eq(jurisdiction.value()))
                .orderBy(REPORT_STATE.AGENCY_SLUG, REPORT_STATE.YEAR)
                .fetch(TO_STATE);
    }

    public List<ReportState> published(JurisdictionSlug jurisdiction, int year) {
        return dsl.selectFrom(REPORT_STATE)
                .where(
                        REPORT_STATE.JURISDICTION_SLUG.eq(jurisdiction.value()),
                        REPORT_STATE.YEAR.eq(year),
                        REPORT_STATE.PUBLISHED_REVISION.isNotNull())
                .orderBy(REPORT_STATE.AGENCY_SLUG)
                .fetch(TO_STATE);
    }

    /** Records the agency's own-site URL of the current revision; the public page changes, so the version grows. */
    public void recordWebsiteUrl(AgencySlug agency, int year, String url) {
        dsl.update(REPORT_STATE)
                .set(REPORT_STATE.WEBSITE_URL, url)
                .set(REPORT_STATE.VERSION, REPORT_STATE.VERSION.plus(1))
                .set(REPORT_STATE.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(REPORT_STATE.AGENCY_SLUG.eq(agency.value()), REPORT_STATE.YEAR.eq(year))
                .execute();
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
