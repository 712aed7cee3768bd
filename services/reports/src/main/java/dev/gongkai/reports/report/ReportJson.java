package dev.gongkai.reports.report;

import dev.gongkai.contract.ReportStatus;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.render.CanonicalJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

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

    public ObjectNode view(StoredReport report) {
        ObjectNode node = document(report.document());
        node.put("status", report.status().name());
        node.put("revision", report.revision());
        node.put("source", report.source().name());
        if (report.returnReason() != null && report.status() == ReportStatus.RETURNED) {
            node.put("returnReason", report.returnReason());
        }
        if (report.correctionPending()) {
            node.put("correctionReason", report.correctionReason());
        }
        if (report.submittedAt() != null) {
            node.put("submittedAt", report.submittedAt().toInstant().toString());
        }
        if (report.publishedAt() != null) {
            node.put("publishedAt", report.publishedAt().toInstant().toString());
        }
        node.put("updatedAt", report.updatedAt().toInstant().toString());
        return node;
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
