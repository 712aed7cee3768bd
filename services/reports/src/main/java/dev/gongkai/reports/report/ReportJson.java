package dev.gongkai.reports.report;

import dev.gongkai.contract.ReportDocument;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.ReportView;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.render.CanonicalJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The report as the API answers with it: the canonical JSON of the report core plus workflow fields. */
@Component
public class ReportJson {

    private final JsonMapper json;

    public ReportJson(JsonMapper json) {
        this.json = json;
    }

    /** The document as its canonical JSON holds it. */
    public ReportDocument document(AnnualReport report) {
        return json.readValue(CanonicalJson.write(report), ReportDocument.class);
    }

    /**
     * The stored report as the agency API answers with it, without the caller's {@code allowedActions} and without
     * findings (each endpoint adds what it answers).
     */
    public ReportView view(StoredReport report) {
        ReportDocument document = document(report.document());
        return new ReportView(
                document.format(),
                report.year(),
                document.agency(),
                document.publishedOn(),
                document.narrative(),
                document.cells(),
                document.blank(),
                report.status(),
                report.revision(),
                report.source(),
                report.status() == ReportStatus.RETURNED ? report.returnReason() : null,
                report.correctionPending() ? report.correctionReason() : null,
                instant(report.submittedAt()),
                instant(report.publishedAt()),
                instant(report.updatedAt()),
                null,
                null);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A cell's value for audit entries and diffs: its number or text; null when blank or absent. */
    public static Object value(AnnualReport report, String key) {
        CellValue value = report.cells().get(key);
        return switch (value) {
            case null -> null;
            case CellValue.Numeric(BigDecimal number) -> number;
            case CellValue.Text(String text) -> text;
        };
    }
}
