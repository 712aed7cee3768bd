package dev.gongkai.report.cli;

import dev.gongkai.contract.BatchSummary;
import dev.gongkai.report.batch.ReportLine;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.render.CsvTable;
import dev.gongkai.report.render.Findings;
import dev.gongkai.report.render.JsonText;
import java.util.Arrays;
import java.util.List;

/**
 * A batch check's lines as people read them (CSV, opened in Excel or WPS: words, not codes; the first error in
 * Chinese) or as programs read them (JSON lines: codes and both languages), and its summary in words.
 */
final class BatchTable {

    static final String CSV_HEADER = "文件 file,机关 agency,年度 year,格式 format,错误 errors,警告 warnings,"
            + "无法读取的单元格 unreadable cells,第一个错误 first error,上一年度的报告 previous year's report,"
            + "同年度的其他文件 other files of the same year";
    private static final String BOM = "\uFEFF";

    private BatchTable() {}

    /** UTF-8 with a byte-order mark, RFC 4180 (CRLF, quoted fields), one row per file after the header. */
    static String csv(List<ReportLine> lines) {
        CsvTable table = new CsvTable().row(List.of((Object[]) CSV_HEADER.split(",")));
        for (ReportLine line : lines) {
            table.row(Arrays.asList(
                    line.file(),
                    line.agency(),
                    line.year(),
                    line.isReport() ? formatZh(line.format()) : "不是年度报告",
                    line.isReport() ? line.errors() : null,
                    line.isReport() ? line.warnings() : null,
                    line.isReport() ? line.unreadableCells() : null,
                    line.isReport()
                            ? line.firstError().map(f -> f.messageZh()).orElse("")
                            : line.notRead().messageZh(),
                    line.previousFile(),
                    String.join("；", line.sameYearFiles())));
        }
        return BOM + table.text();
    }

    /**
     * One object per file: {@code file, agency, year, format, errors, warnings, unreadable_cells, first_error,
     * previous_file, same_year_files, not_read}; the counts are null for a file that is not a report.
     */
    static String jsonl(List<ReportLine> lines) {
        StringBuilder out = new StringBuilder(256 * lines.size());
        for (ReportLine line : lines) {
            out.append("{\"file\":");
            JsonText.string(out, line.file());
            out.append(",\"agency\":");
            nullable(out, line.agency());
            out.append(",\"year\":").append(line.year());
            out.append(",\"format\":");
            nullable(out, line.format() == null ? null : line.format().code());
            if (line.isReport()) {
                out.append(",\"errors\":")
                        .append(line.errors())
                        .append(",\"warnings\":")
                        .append(line.warnings())
                        .append(",\"unreadable_cells\":")
                        .append(line.unreadableCells());
            } else {
                out.append(",\"errors\":null,\"warnings\":null,\"unreadable_cells\":null");
            }
            out.append(",\"first_error\":")
                    .append(line.firstError().map(Findings::toJson).orElse("null"));
            out.append(",\"previous_file\":");
            nullable(out, line.previousFile());
            out.append(",\"same_year_files\":[");
            for (int i = 0; i < line.sameYearFiles().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonText.string(out, line.sameYearFiles().get(i));
            }
            out.append("],\"not_read\":");
            if (line.isReport()) {
                out.append("null");
            } else {
                out.append("{\"code\":");
                JsonText.string(out, line.notRead().code());
                out.append(",\"message_zh\":");
                JsonText.string(out, line.notRead().messageZh());
                out.append(",\"message_en\":");
                JsonText.string(out, line.notRead().messageEn());
                out.append('}');
            }
            out.append("}\n");
        }
        return out.toString();
    }

    /** Two lines, Chinese then English. */
    static String summary(BatchSummary summary) {
        return """
                共 %d 个文件：年度报告 %d 份（有错误 %d 份，有警告 %d 份，无法读取的单元格共 %d 个），不是年度报告 %d 个
                %d files: %d reports (%d with errors, %d with warnings, %d unreadable cells in all), %d not reports
                """.formatted(
                        summary.files(),
                        summary.reports(),
                        summary.withErrors(),
                        summary.withWarnings(),
                        summary.unreadableCells(),
                        summary.notReports(),
                        summary.files(),
                        summary.reports(),
                        summary.withErrors(),
                        summary.withWarnings(),
                        summary.unreadableCells(),
                        summary.notReports());
    }

    private static String formatZh(ReportFormat format) {
        return format.code() + " 年版";
    }

    private static void nullable(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            JsonText.string(out, value);
        }
    }
}
