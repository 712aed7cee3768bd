package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.Section;
import java.util.Arrays;
import java.util.List;

/**
 * The report as {@code 项目,数值} rows for people and their spreadsheets (RFC 4180: CRLF line ends, fields quoted when
 * they hold a comma, a quote or a line break), UTF-8 with a byte-order mark so Excel and WPS open the Chinese
 * correctly. Every item is named as the national format names it, never by a code: programs read the JSON.
 *
 * <p>First come the report's own rows (报告格式, 报告年度, 机关名称, 发布日期, and the narratives 一、五、六 by their
 * titles, each one quoted field with its line breaks), then one row per cell in the national reading order, named as
 * the table names it («第二十条第(一)项 规章 · 本年制发件数», «三、(七)总计 · 总计»: a name the format gives one cell
 * only). A blank cell is a row with an empty value; an absent cell (the source did not hold it) has no row at all, so
 * reading the CSV back keeps blank and absent apart. An absent narrative has no row; a missing year, agency or date is
 * an empty value.
 *
 * <p>Written by {@link CsvTable}, like every CSV of ours: text a spreadsheet would run as a formula gets a leading
 * apostrophe, which {@link CsvReader} removes again; numbers are written as they are.
 */
public final class CsvRenderer {

    static final List<String> HEADER = List.of("项目", "数值");
    static final String FORMAT = "报告格式";
    static final String YEAR = "报告年度";
    static final String AGENCY = "机关名称";
    static final String PUBLISHED_ON = "发布日期";

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
        CsvTable table = new CsvTable().row(HEADER);
        table.row(List.of(FORMAT, report.format().code()));
        table.row(Arrays.asList(YEAR, report.year()));
        table.row(Arrays.asList(AGENCY, report.agency()));
        table.row(Arrays.asList(PUBLISHED_ON, report.publishedOn()));
        for (Section section : Section.NARRATIVES) {
            String narrative = report.narrative(section);
            if (narrative != null) {
                table.row(List.of(section.titleZh(), narrative));
            }
        }
        for (CellDefinition cell : report.layout().cells()) {
            if (report.blank().contains(cell.key())) {
                table.row(List.of(cell.name(), ""));
            } else if (report.cell(cell.key()).isPresent()) {
                table.row(List.of(cell.name(), report.cell(cell.key()).orElseThrow()));
            }
        }
        return table;
    }
}
