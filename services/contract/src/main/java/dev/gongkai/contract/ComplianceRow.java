package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * One agency's report of one year as the office watches it ({@code GET /api/office/compliance}).
 *
 * @param status            the workflow status, {@link SubmissionRow.State#NOT_STARTED} when the agency has no
 *                          report for the year at all (the office's queue says it the same way)
 * @param lastAction        what last changed the report: an {@link Action}'s code, or one of the report's own
 *                          events ({@code edit}, {@code import}, …) that are not transitions; null without a report
 * @param compliance        whether the report met its legal deadline (see {@link Compliance})
 * @param compiled          the disclosure office's own report (deadline 31 March instead of 31 January)
 * @param daysLeft          days until the legal deadline while unpublished and not overdue (0 on the day)
 * @param daysLate          days past the deadline: of the first publication, or of today while still unpublished
 * @param websiteUrlMissing published, but no own-site URL recorded for the current revision
 * @param revision          the report's own revision (the version the agency's editor shows) at its last change; the
 *                          counts are those of that revision
 */
public record ComplianceRow(
        String agency,
        String nameZh,
        AgencyKind kind,
        String jurisdiction,
        int year,
        SubmissionRow.State status,
        String lastAction,
        Instant statusAt,
        Instant submittedAt,
        Instant firstSubmittedAt,
        int returns,
        Instant approvedAt,
        Instant publishedAt,
        Instant lastPublishedAt,
        Integer publishedRevision,
        int corrections,
        boolean imported,
        LocalDate deadline,
        boolean compiled,
        Compliance compliance,
        Integer daysLeft,
        Integer daysLate,
        int errors,
        int warnings,
        int unexplainedWarnings,
        String websiteUrl,
        boolean websiteUrlMissing,
        Integer revision) {

    /** Whether a report met its legal deadline, as the office's compliance list says it. */
    public enum Compliance {
        /** Published by the deadline (judged on the first publication, on the date in China). */
        ON_TIME,
        /** Published after the deadline. */
        LATE,
        /** Not published, the deadline not passed. */
        OPEN,
        /** Not published, the deadline passed. */
        OVERDUE
    }

    /** The states of a report not yet handed to the office: none, a draft, awaiting sign-off, or returned. */
    private static final Set<SubmissionRow.State> NOT_SUBMITTED = EnumSet.of(
            SubmissionRow.State.NOT_STARTED,
            SubmissionRow.State.DRAFT,
            SubmissionRow.State.PENDING_SIGNOFF,
            SubmissionRow.State.RETURNED);

    public boolean published() {
        return publishedRevision != null;
    }

    /** Not yet handed to the office: no report, a draft, awaiting sign-off, or returned (the reminders' test). */
    @JsonProperty("notSubmitted")
    public boolean notSubmitted() {
        return NOT_SUBMITTED.contains(status);
    }

    /** Published, and a correction of it is open: the portal still shows the published revision meanwhile. */
    @JsonProperty("correcting")
    public boolean correcting() {
        return published() && status != SubmissionRow.State.PUBLISHED;
    }
}
