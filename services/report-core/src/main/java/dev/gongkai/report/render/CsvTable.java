package dev.gongkai.report.render;

import dev.gongkai.report.model.CellValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every CSV the system writes — a report, a batch check, the office's exports, the portal's open data: RFC 4180
 * (CRLF line ends, a field quoted when it holds a comma, a quote or a line break), UTF-8 with a byte-order mark so
 * Excel and WPS open the Chinese correctly, and text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return, possibly behind apostrophes added before) behind one more apostrophe,
 * which {@link CsvReader} removes again. Numbers ({@link Number}, {@link CellValue.Numeric}), negative ones too,
 * are written as they are; a cell's text that looks like a number stays text.
 */
public final class CsvTable {

    static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\\t\\r].*", Pattern.DOTALL);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final StringBuilder out = new StringBuilder(8192);

    /** One row; a null field (a blank cell, a missing value) is empty, a number is written plainly. */
    public CsvTable row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(
                    switch (fields.get(i)) {
                        case null -> "";
                        case BigDecimal number -> number.toPlainString();
                        case Number number -> number.toString();
                        case CellValue.Numeric numeric -> numeric.value().toPlainString();
                        case Object text -> guarded(text.toString());
                    });
        }
        out.append("\r\n");
        return this;
    }

    /** The text without the byte-order mark. */
    public String text() {
        return out.toString();
    }

    /** The file: UTF-8 with a byte-order mark. */
    public byte[] bytes() {
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    private static String guarded(String text) {
        return FORMULA.matcher(text).matches() ? "'" + text : text;
    }

    private void field(String text) {
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (quote) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }
}
