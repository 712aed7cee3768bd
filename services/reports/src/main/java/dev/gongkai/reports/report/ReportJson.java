package dev.gongkai.reports.report;

import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.ReportView;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.render.CanonicalJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The report as the API answers with it: the canonical JSON of the report core plus workflow fields. */
@Component
public class ReportJson {

    private final JsonMapper json;

    public ReportJson(JsonMapper json) {
        this.json = json;
    }

    public JsonMapper mapper() {
        return json;
    }

    public ObjectNode document(AnnualReport report) {
        return (ObjectNode) json.readTree(CanonicalJson.write(report));
    }

    /**
     * The stored report as the agency API answers with it, without the caller's {@code allowedActions} and without
     * findings (each endpoint adds what it answers).
     */
    public ReportView view(StoredReport report) {
        Document document = json.readValue(CanonicalJson.write(report.document()), Document.class);
        return new ReportView(document.format(), report.year(), document.agency(), document.publishedOn(),
                document.narrative(), document.cells(), document.blank(), report.status(), report.revision(),
                report.source(),
                report.status() == ReportStatus.RETURNED ? report.returnReason() : null,
                report.correctionPending() ? report.correctionReason() : null,
                instant(report.submittedAt()), instant(report.publishedAt()), instant(report.updatedAt()), null,
                null);
    }

    /** The same as {@link #view}, for the answers that add members of their own (the office's). */
    public ObjectNode viewNode(StoredReport report) {
        return json.valueToTree(view(report));
    }

    /** The canonical JSON document, read as the members of {@link ReportView} that hold it. */
    private record Document(String format, Integer year, String agency, LocalDate publishedOn,
                            Map<String, String> narrative, Map<String, Object> cells, List<String> blank) {
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

    /** "value", "blank" or "absent": the three states of a cell. */
    public static String state(AnnualReport report, String key) {
        return report.cellState(key).code();
    }
}
