package dev.gongkai.publishing.revisions;

import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

import dev.gongkai.contract.ReportChange;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.events.ReportStatusChanged;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Keeps {@code core.report_state} in step with the workflow the reports service announces. An announcement older
 * than the one already applied (relays may deliver out of order) changes nothing; the publication columns belong
 * to {@link PublicationRecorder}.
 */
public class ReportStateProjection {

    private final DSLContext dsl;
    private final AgencyRegistry registry;

    public ReportStateProjection(DSLContext dsl, AgencyRegistry registry) {
        this.dsl = dsl;
        this.registry = registry;
    }

    public void apply(ReportStatusChanged event) {
        Agency agency;
        try {
            agency = registry.find(AgencySlug.of(event.agency()))
                    .orElseThrow(() -> new RejectedEvent("agency " + event.agency() + " is not registered"));
        } catch (RejectedEvent e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RejectedEvent("invalid agency slug " + event.agency());
        }
        OffsetDateTime at = event.at().atOffset(ZoneOffset.UTC);
        ReportStatus status = event.status();
        boolean submitted = status == ReportStatus.SUBMITTED;
        boolean returned = status == ReportStatus.RETURNED;
        boolean approved = status == ReportStatus.APPROVED;
        boolean created = event.action() == ReportChange.CREATE;
        var rs = REPORT_STATE;
        dsl.insertInto(rs)
                .set(rs.AGENCY_SLUG, agency.slug().value())
                .set(rs.YEAR, event.year())
                .set(rs.JURISDICTION_SLUG, agency.jurisdiction().value())
                .set(rs.STATUS, status)
                .set(rs.LAST_ACTION, event.action().code())
                .set(rs.STATUS_AT, at)
                .set(rs.REPORT_REVISION, event.revision())
                .set(rs.ERRORS, event.errors())
                .set(rs.WARNINGS, event.warnings())
                .set(rs.UNEXPLAINED_WARNINGS, event.unexplainedWarnings())
                .set(rs.DRAFTED_AT, created || status == ReportStatus.DRAFT ? at : null)
                .set(rs.SUBMITTED_AT, submitted ? at : null)
                .set(rs.FIRST_SUBMITTED_AT, submitted ? at : null)
                .set(rs.RETURNED_AT, returned ? at : null)
                .set(rs.RETURNS, returned ? 1 : 0)
                .set(rs.RETURN_REASON, returned ? event.reason() : null)
                .set(rs.APPROVED_AT, approved ? at : null)
                .set(rs.DEADLINE, Deadlines.of(agency, event.year()))
                .set(rs.LATE, false)
                .onConflict(rs.AGENCY_SLUG, rs.YEAR)
                .doUpdate()
                .set(rs.STATUS, status)
                .set(rs.LAST_ACTION, event.action().code())
                .set(rs.STATUS_AT, at)
                .set(rs.REPORT_REVISION, event.revision())
                .set(rs.ERRORS, event.errors())
                .set(rs.WARNINGS, event.warnings())
                .set(rs.UNEXPLAINED_WARNINGS, event.unexplainedWarnings())
                .set(rs.DRAFTED_AT, when(created, at, rs.DRAFTED_AT))
                .set(rs.SUBMITTED_AT, when(submitted, at, rs.SUBMITTED_AT))
                .set(
                        rs.FIRST_SUBMITTED_AT,
                        submitted ? DSL.coalesce(rs.FIRST_SUBMITTED_AT, DSL.val(at)) : rs.FIRST_SUBMITTED_AT)
                .set(rs.RETURNED_AT, when(returned, at, rs.RETURNED_AT))
                .set(rs.RETURNS, rs.RETURNS.plus(returned ? 1 : 0))
                .set(rs.RETURN_REASON, returned ? DSL.val(event.reason()) : rs.RETURN_REASON)
                .set(rs.APPROVED_AT, when(approved, at, rs.APPROVED_AT))
                .set(rs.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(rs.STATUS_AT.isNull().or(rs.STATUS_AT.le(at)))
                .execute();
    }

    private static Field<OffsetDateTime> when(boolean condition, OffsetDateTime at, Field<OffsetDateTime> otherwise) {
        return condition ? DSL.val(at) : otherwise;
    }
}
