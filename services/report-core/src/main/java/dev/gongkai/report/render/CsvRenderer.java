package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.Section;
import java.util.Arrays;
import java.util.List;

/**
 * The report as {@code key,label,value} rows (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break), UTF-8 with a byte-order mark so Excel and WPS open the Chinese labels correctly.
 *
 * <p>First come the report's own rows ({@code format}, {@code year}, {@code agency}, {@code publishedOn} and the
 * narratives {@code s1}, {@code s5}, {@code s6}, each narrative one quoted field with its line breaks), then one row
 * per cell in the national reading order. A blank cell is a row with an empty value; an absent cell (the source
 * did not hold it) has no row at all, so reading the CSV back keeps blank and absent apart. An absent narrative
 * has no row; a missing year, agency or date is an empty value.
 *
 * <p>Written by {@link CsvTable}, like every CSV of ours: text a spreadsheet would run as a formula gets a leading
 * apostrophe, which {@link CsvReader} removes again; numbers are written as they are.
 */
public final class CsvRenderer {

    static final String HEADER = "key,label,value";

    private CsvRenderer() {}

    /** The CSV text without the byte-order mark. */
    public static String render(AnnualReport report) {
        return table(report).text();
    }

    /** The CSV as a file: UTF-8 with a byte-order mark. */
    public static byte[] renderBytes(AnnualReport report) {
        return table(report).bytes();
    }

    private static CsvTable table(AnnualReport report) {
        CsvTable table = new CsvTable().row(List.of((Object[]) HEADER.split(",")));
        table.row(List.of("format", "格式", report.format().code()));
        table.row(Arrays.asList("year", "报告年度", report.year()));
        table.row(Arrays.asList("agency", "机关名称", report.agency()));
        table.row(Arrays.asList("publishedOn", "发布日期", report.publishedOn()));
        for (Section section : Section.NARRATIVES) {
            String narrative = report.narrative(section);
            if (narrative != null) {
                table.row(List.of(section.key(), section.titleZh(), narrative));
            }
        }
        for (CellDefinition cell : report.layout().cells()) {
            if (report.blank().contains(cell.key())) {
                table.row(List.of(cell.key(), cell.labelZh(), ""));
            } else if (report.cell(cell.key()).isPresent()) {
                table.row(List.of(
                        cell.key(), cell.labelZh(), report.cell(cell.key()).orElseThrow()));
            }
        }
        return table;
    }
}
