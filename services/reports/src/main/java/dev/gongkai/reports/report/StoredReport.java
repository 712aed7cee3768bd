package dev.gongkai.reports.report;

import dev.gongkai.report.model.AnnualReport;

import java.time.OffsetDateTime;

/** One row of the agency's {@code report} table, with its document read back into the report model. */
public record StoredReport(
        int year,
        ReportStatus status,
        int revision,
        AnnualReport document,
        ReportSource source,
        String sourceChecksum,
        boolean correctionPending,
        String correctionReason,
        String returnReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime submittedAt,
        OffsetDateTime publishedAt) {

    public String etag() {
        return Etags.of(revision);
    }
}
