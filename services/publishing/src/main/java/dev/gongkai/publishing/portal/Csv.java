package dev.gongkai.publishing.portal;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tables as CSV the way {@code CsvRenderer} writes a report: RFC 4180, CRLF, UTF-8 with a byte-order mark (Excel and
 * WPS), and text a spreadsheet would run as a formula behind an apostrophe.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder(16384);

    Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(fields.get(i));
        }
        out.append("\r\n");
        return this;
    }

    byte[] bytes() {
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        return bytes;
    }

    /** A cell as published: its number, its text, or empty when blank or absent (a blank is never a 0). */
    static String cell(AnnualReport report, String key) {
        CellValue value = report.cells().get(key);
        return switch (value) {
            case null -> "";
            case CellValue.Numeric numeric -> numeric.value().toPlainString();
            case CellValue.Text(String text) -> text;
        };
    }

    private void field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (quote) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }

    private static boolean isNumber(String text) {
        return text.matches("-?\\d+(\\.\\d+)?");
    }
}
