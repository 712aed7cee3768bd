package dev.gongkai.publishing.revisions;

import dev.gongkai.contract.ReportStatus;
import java.time.Instant;
import java.time.LocalDate;

/** One agency's report of one year as {@code core.report_state} holds it (see the module README). */
public record ReportState(
        String agency,
        int year,
        String jurisdiction,
        ReportStatus status,
        String lastAction,
        Instant statusAt,
        int reportRevision,
        int errors,
        int warnings,
        int unexplainedWarnings,
        Instant submittedAt,
        Instant approvedAt,
        Instant firstPublishedAt,
        Instant lastPublishedAt,
        Integer publishedRevision,
        int corrections,
        LocalDate deadline,
        boolean late,
        boolean imported,
        String websiteUrl,
        int version) {

    public boolean published() {
        return publishedRevision != null;
    }
}
