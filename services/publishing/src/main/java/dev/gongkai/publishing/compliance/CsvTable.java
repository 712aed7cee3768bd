package dev.gongkai.publishing.compliance;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The office's exports as CSV: RFC 4180, CRLF, UTF-8 with a byte-order mark (Excel and WPS read the Chinese
 * headers), and text a spreadsheet would run as a formula behind an apostrophe.
 */
public final class CsvTable {

    private final StringBuilder out = new StringBuilder(8192);

    public CsvTable(List<String> headers) {
        row(headers);
    }

    public CsvTable row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(fields.get(i) == null ? "" : String.valueOf(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public byte[] bytes() {
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        return bytes;
    }

    private void field(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            out.append(text);
        }
    }
}
