package dev.gongkai.report.rules;

import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.TableColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report takes over from the same agency's report on the year before, declared once: the cross-year rules
 * check it, and a new draft starts from it.
 */
public final class CarriedFromLastYear {

    /** The 2021 format's rows whose in-force count chains from last year's. */
    static final List<String> IN_FORCE_ROWS = List.of("s2.regulations", "s2.normativeDocuments");

    private CarriedFromLastYear() {}

    /** This year's {@code carriedOver} cell of each applicant column → last year's {@code carriedForward}. */
    static Map<String, String> carriedOver() {
        Map<String, String> cells = new LinkedHashMap<>();
        for (TableColumn column : ReportLayout.APPLICANT_COLUMNS) {
            cells.put("s3.carriedOver." + column.key(), "s3.carriedForward." + column.key());
        }
        return cells;
    }

    /** Every cell of a report in {@code format} that starts from a cell of last year's report (this → last). */
    public static Map<String, String> cells(ReportFormat format, ReportFormat lastYear) {
        Map<String, String> cells = carriedOver();
        if (format == ReportFormat.V2021 && lastYear == ReportFormat.V2021) {
            IN_FORCE_ROWS.forEach(row -> cells.put(row + ".inForce", row + ".inForce"));
        }
        return cells;
    }
}
