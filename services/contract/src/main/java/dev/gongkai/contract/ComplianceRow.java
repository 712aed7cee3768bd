package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One agency's report of one year as the office watches it ({@code GET /api/office/compliance}).
 *
 * @param status            the workflow status, {@code NONE} when the agency has no report for the year at all
 * @param compliance        {@code ON_TIME} / {@code LATE} (published, judged on the first publication against the
 *                          legal deadline), {@code OPEN} (not published, deadline not passed), {@code OVERDUE}
 *                          (not published, deadline passed)
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
        String kind,
        String jurisdiction,
        int year,
        String status,
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
        String compliance,
        Integer daysLeft,
        Integer daysLate,
        int errors,
        int warnings,
        int unexplainedWarnings,
        String websiteUrl,
        boolean websiteUrlMissing,
        Integer revision) {

    public boolean published() {
        return publishedRevision != null;
    }

    /** Not yet handed to the office: no report, a draft, awaiting sign-off, or returned (the reminders' test). */
    @JsonProperty("notSubmitted")
    public boolean notSubmitted() {
        return switch (status) {
            case "NONE", "DRAFT", "PENDING_SIGNOFF", "RETURNED" -> true;
            default -> false;
        };
    }

    /** Published, and a correction of it is open: the portal still shows the published revision meanwhile. */
    @JsonProperty("correcting")
    public boolean correcting() {
        return published() && !"PUBLISHED".equals(status);
    }
}
