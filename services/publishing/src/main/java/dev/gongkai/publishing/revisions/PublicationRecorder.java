package dev.gongkai.publishing.revisions;

import static dev.gongkai.platform.jooq.agency_template.Tables.PUBLISHED_REVISION;
import static dev.gongkai.platform.jooq.core.Tables.PUBLICATION;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

import dev.gongkai.contract.Action;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.events.ReportPublished;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

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
        int number = event.publication() > 0 ? event.publication() : nextOnArrival(tenant, event.year());
        int inserted = tenant.insertInto(PUBLISHED_REVISION)
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
                .onConflict(PUBLISHED_REVISION.YEAR, PUBLISHED_REVISION.NUMBER)
                .doNothing()
                .execute();
        if (inserted == 0) {
            // The event id was claimed by no one before, so another event claims the same number: the source's
            // sequence was broken (a restored backup, a hand-made event). The published revision stays as it is.
            throw new RejectedEvent(
                    "publication " + event.year() + "/" + number + " was already recorded by another event");
        }

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

        // Publications may arrive in any order (pods replaced, entries claimed by another consumer): the current
        // pointer only moves forward to a higher number, the deadline is judged on the earliest publication, and
        // the counts add up, so any order of the same events leaves the same row.
        var rs = REPORT_STATE;
        Condition newest = rs.PUBLISHED_REVISION.isNull().or(rs.PUBLISHED_REVISION.lt(number));
        Condition earliest = rs.FIRST_PUBLISHED_AT.isNull().or(rs.FIRST_PUBLISHED_AT.gt(publishedAt));
        Condition latestStatus = rs.STATUS_AT.isNull().or(rs.STATUS_AT.le(publishedAt));
        String action = (event.correction() ? Action.CORRECT : Action.PUBLISH).code();
        dsl.insertInto(rs)
                .set(rs.AGENCY_SLUG, agency.slug().value())
                .set(rs.YEAR, event.year())
                .set(rs.JURISDICTION_SLUG, agency.jurisdiction().value())
                .set(rs.STATUS, ReportStatus.PUBLISHED)
                .set(rs.LAST_ACTION, action)
                .set(rs.STATUS_AT, publishedAt)
                .set(rs.REPORT_REVISION, event.revision())
                .set(rs.FIRST_PUBLISHED_AT, publishedAt)
                .set(rs.LAST_PUBLISHED_AT, publishedAt)
                .set(rs.PUBLISHED_REVISION, number)
                .set(rs.CORRECTIONS, event.correction() ? 1 : 0)
                .set(rs.DEADLINE, deadline)
                .set(rs.LATE, late)
                .set(rs.IMPORTED, event.imported())
                .onConflict(rs.AGENCY_SLUG, rs.YEAR)
                .doUpdate()
                .set(
                        rs.STATUS,
                        DSL.when(latestStatus, DSL.val(ReportStatus.PUBLISHED, rs.STATUS))
                                .otherwise(rs.STATUS))
                .set(rs.LAST_ACTION, DSL.when(latestStatus, DSL.val(action)).otherwise(rs.LAST_ACTION))
                .set(rs.STATUS_AT, DSL.greatest(DSL.coalesce(rs.STATUS_AT, publishedAt), DSL.val(publishedAt)))
                .set(
                        rs.REPORT_REVISION,
                        DSL.when(newest, DSL.val(event.revision())).otherwise(rs.REPORT_REVISION))
                .set(
                        rs.FIRST_PUBLISHED_AT,
                        DSL.when(earliest, DSL.val(publishedAt)).otherwise(rs.FIRST_PUBLISHED_AT))
                .set(
                        rs.LAST_PUBLISHED_AT,
                        DSL.when(newest, DSL.val(publishedAt)).otherwise(rs.LAST_PUBLISHED_AT))
                .set(rs.PUBLISHED_REVISION, DSL.when(newest, DSL.val(number)).otherwise(rs.PUBLISHED_REVISION))
                .set(rs.CORRECTIONS, rs.CORRECTIONS.plus(event.correction() ? 1 : 0))
                .set(rs.LATE, DSL.when(earliest, DSL.val(late)).otherwise(rs.LATE))
                .set(rs.IMPORTED, DSL.when(earliest, DSL.val(event.imported())).otherwise(rs.IMPORTED))
                // The new revision has not been posted on the agency's own site yet.
                .set(rs.WEBSITE_URL, DSL.when(newest, DSL.inline((String) null)).otherwise(rs.WEBSITE_URL))
                .set(rs.VERSION, rs.VERSION.plus(1))
                .set(rs.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    /** Events written before the source numbered its publications: the next number on arrival. */
    private static int nextOnArrival(DSLContext tenant, int year) {
        return tenant.select(DSL.coalesce(DSL.max(PUBLISHED_REVISION.NUMBER), 0))
                        .from(PUBLISHED_REVISION)
                        .where(PUBLISHED_REVISION.YEAR.eq(year))
                        .fetchSingle()
                        .value1()
                + 1;
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
            AnnualReport report = CanonicalJson.read(event.document().getBytes(StandardCharsets.UTF_8))
                    .report();
            if (report.year() != null && report.year() != event.year()) {
                throw new RejectedEvent("the document is about " + report.year() + ", the event about " + event.year());
            }
            return report;
        } catch (UnreadableReportException e) {
            throw new RejectedEvent("the document is not canonical JSON: " + e.getMessage());
        }
    }
}
