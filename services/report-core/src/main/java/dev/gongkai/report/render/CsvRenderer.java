package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.Section;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

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
 * <p>Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return)
 * is written with a leading apostrophe, which {@link CsvReader} removes again; numbers are written as they are.
 */
public final class CsvRenderer {

    static final String HEADER = "key,label,value";
    static final String[][] REPORT_ROWS = {
            {"format", "格式"}, {"year", "报告年度"}, {"agency", "机关名称"}, {"publishedOn", "发布日期"}};
    /** Formula triggers, possibly behind apostrophes we added before: one more apostrophe keeps it reversible. */
    static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvRenderer() {
    }

    /** The CSV text without the byte-order mark. */
    public static String render(AnnualReport report) {
        StringBuilder out = new StringBuilder(16384);
        out.append(HEADER).append("\r\n");
        row(out, "format", "格式", report.format().code());
        row(out, "year", "报告年度", report.year() == null ? "" : report.year().toString());
        row(out, "agency", "机关名称", text(report.agency()));
        row(out, "publishedOn", "发布日期", report.publishedOn() == null ? "" : report.publishedOn().toString());
        for (Section section : Section.NARRATIVES) {
            String narrative = report.narrative(section);
            if (narrative != null) {
                row(out, section.key(), section.titleZh(), text(narrative));
            }
        }
        for (CellDefinition cell : report.layout().cells()) {
            if (report.blank().contains(cell.key())) {
                row(out, cell.key(), cell.labelZh(), "");
            } else {
                report.cell(cell.key()).ifPresent(value -> row(out, cell.key(), cell.labelZh(), switch (value) {
                    case CellValue.Numeric numeric -> numeric.value().toPlainString();
                    case CellValue.Text(String text) -> text(text);
                }));
            }
        }
        return out.toString();
    }

    /** The CSV as a file: UTF-8 with a byte-order mark. */
    public static byte[] renderBytes(AnnualReport report) {
        byte[] text = render(report).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    /**
     * Appends one field of text the way every CSV of ours writes it: quoted when needed, and with a leading
     * apostrophe when a spreadsheet would run it as a formula.
     */
    public static StringBuilder appendText(StringBuilder out, String value) {
        return field(out, text(value));
    }

    private static String text(String value) {
        if (value == null) {
            return "";
        }
        return FORMULA.matcher(value).matches() ? "'" + value : value;
    }

    private static void row(StringBuilder out, String key, String label, String value) {
        field(out, key).append(',');
        field(out, label).append(',');
        field(out, value).append("\r\n");
    }

    private static StringBuilder field(StringBuilder out, String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
        if (!quote) {
            return out.append(value);
        }
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
