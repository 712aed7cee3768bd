package dev.gongkai.reports.report;

import dev.gongkai.contract.ReportSource;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
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

    /**
     * Whether the disclosure office may read it: once the agency has submitted it (or it was published or imported).
     * A draft that was never submitted is the agency's own work in progress.
     */
    public boolean visibleToOffice() {
        return submittedAt != null
                || source == ReportSource.IMPORTED
                || status == ReportStatus.SUBMITTED
                || status == ReportStatus.APPROVED
                || status == ReportStatus.PUBLISHED;
    }

    /** 409 unless the agency may change it (a draft or a returned report); awaiting sign-off says what to do. */
    public void requireEditable() {
        if (!status.editable()) {
            ApiException frozen = new ApiException(ProblemCode.REPORT_FROZEN).with("status", status.name());
            throw status == ReportStatus.PENDING_SIGNOFF ? frozen.variant("pending-signoff") : frozen;
        }
    }

    public String etag() {
        return Etags.of(revision);
    }
}
