package dev.gongkai.publishing.revisions;

import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static dev.gongkai.platform.jooq.agency_template.Tables.PUBLISHED_REVISION;
import static dev.gongkai.platform.jooq.core.Tables.PUBLICATION;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

/**
 * Turns a {@link ReportPublished} event into a new immutable published revision in the agency's schema, the
 * publication log in {@code core} and the agency×year read model. Runs inside the handler's transaction.
 */
public class PublicationRecorder {

    private final DSLContext dsl;
    private final AgencyDsl agencies;
    private final AgencyRegistry registry;

    public PublicationRecorder(DSLContext dsl, AgencyDsl agencies, AgencyRegistry registry) {
        this.dsl = dsl;
        this.agencies = agencies;
        this.registry = registry;
    }

    public void record(ReportPublished event) {
        Agency agency = known(event.agency());
        AnnualReport report = readable(event);
        LocalDate deadline = Deadlines.of(agency, event.year());
        boolean late = Deadlines.late(event.publishedAt(), deadline);
        OffsetDateTime publishedAt = event.publishedAt().atOffset(ZoneOffset.UTC);

        DSLContext tenant = agencies.of(agency.slug());
        int number = tenant.select(DSL.coalesce(DSL.max(PUBLISHED_REVISION.NUMBER), 0))
                .from(PUBLISHED_REVISION).where(PUBLISHED_REVISION.YEAR.eq(event.year()))
                .fetchSingle().value1() + 1;
        tenant.insertInto(PUBLISHED_REVISION)
                .set(PUBLISHED_REVISION.YEAR, event.year())
                .set(PUBLISHED_REVISION.NUMBER, number)
                .set(PUBLISHED_REVISION.REPORT_REVISION, event.revision())
                .set(PUBLISHED_REVISION.FORMAT, report.format().code())
                .set(PUBLISHED_REVISION.DOCUMENT, JSONB.valueOf(CanonicalJson.write(report)))
                .set(PUBLISHED_REVISION.PUBLISHED_AT, publishedAt)
                .set(PUBLISHED_REVISION.PUBLISHED_BY, event.actor() == null ? "" : event.actor())
                .set(PUBLISHED_REVISION.CORRECTION, event.correction())
                .set(PUBLISHED_REVISION.REASON, event.reason())
                .set(PUBLISHED_REVISION.IMPORTED, event.imported())
                .set(PUBLISHED_REVISION.DEADLINE, deadline)
                .set(PUBLISHED_REVISION.LATE, late)
                .set(PUBLISHED_REVISION.EVENT_ID, event.eventId())
                .execute();

        dsl.insertInto(PUBLICATION)
                .set(PUBLICATION.AGENCY_SLUG, agency.slug().value())
                .set(PUBLICATION.JURISDICTION_SLUG, agency.jurisdiction().value())
                .set(PUBLICATION.YEAR, event.year())
                .set(PUBLICATION.NUMBER, number)
                .set(PUBLICATION.PUBLISHED_AT, publishedAt)
                .set(PUBLICATION.CORRECTION, event.correction())
                .set(PUBLICATION.REASON, event.reason())
                .set(PUBLICATION.IMPORTED, event.imported())
                .set(PUBLICATION.LATE, late)
                .set(PUBLICATION.EVENT_ID, event.eventId())
                .execute();

        // The deadline is judged on the first publication; a later correction never makes a report late (or on time).
        var rs = REPORT_STATE;
        dsl.insertInto(rs)
                .set(rs.AGENCY_SLUG, agency.slug().value())
                .set(rs.YEAR, event.year())
                .set(rs.JURISDICTION_SLUG, agency.jurisdiction().value())
                .set(rs.STATUS, ReportStatus.PUBLISHED)
                .set(rs.LAST_ACTION, event.correction() ? "correct" : "publish")
                .set(rs.STATUS_AT, publishedAt)
                .set(rs.REPORT_REVISION, event.revision())
                .set(rs.FIRST_PUBLISHED_AT, publishedAt)
                .set(rs.LAST_PUBLISHED_AT, publishedAt)
                .set(rs.PUBLISHED_REVISION, number)
                .set(rs.CORRECTIONS, event.correction() ? 1 : 0)
                .set(rs.DEADLINE, deadline)
                .set(rs.LATE, late)
                .set(rs.IMPORTED, event.imported())
                .onConflict(rs.AGENCY_SLUG, rs.YEAR).doUpdate()
                .set(rs.STATUS, ReportStatus.PUBLISHED)
                .set(rs.LAST_ACTION, event.correction() ? "correct" : "publish")
                .set(rs.STATUS_AT, DSL.greatest(DSL.coalesce(rs.STATUS_AT, publishedAt), DSL.val(publishedAt)))
                .set(rs.REPORT_REVISION, event.revision())
                .set(rs.FIRST_PUBLISHED_AT, DSL.coalesce(rs.FIRST_PUBLISHED_AT, publishedAt))
                .set(rs.LAST_PUBLISHED_AT, publishedAt)
                .set(rs.PUBLISHED_REVISION, number)
                .set(rs.CORRECTIONS, rs.CORRECTIONS.plus(event.correction() ? 1 : 0))
                .set(rs.LATE, DSL.when(rs.FIRST_PUBLISHED_AT.isNull(), DSL.val(late)).otherwise(rs.LATE))
                .set(rs.IMPORTED, DSL.when(rs.FIRST_PUBLISHED_AT.isNull(), DSL.val(event.imported()))
                        .otherwise(rs.IMPORTED))
                // The new revision has not been posted on the agency's own site yet.
                .set(rs.WEBSITE_URL, (String) null)
                .set(rs.VERSION, rs.VERSION.plus(1))
                .set(rs.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    private Agency known(String slug) {
        try {
            return registry.find(AgencySlug.of(slug))
                    .orElseThrow(() -> new RejectedEvent("agency " + slug + " is not registered"));
        } catch (RuntimeException e) {
            if (e instanceof RejectedEvent rejected) {
                throw rejected;
            }
            throw new RejectedEvent("invalid agency slug " + slug);
        }
    }

    private static AnnualReport readable(ReportPublished event) {
        if (event.document() == null) {
            throw new RejectedEvent("the event carries no document");
        }
        try {
            AnnualReport report = CanonicalJson.read(event.document().getBytes(StandardCharsets.UTF_8)).report();
            if (report.year() != null && report.year() != event.year()) {
                throw new RejectedEvent("the document is about " + report.year() + ", the event about " + event.year());
            }
            return report;
        } catch (UnreadableReportException e) {
            throw new RejectedEvent("the document is not canonical JSON: " + e.getMessage());
        }
    }
}
