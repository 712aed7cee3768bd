package dev.gongkai.report.render;

import dev.gongkai.report.imports.CanonicalJsonReader;
import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportLayout;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The canonical JSON of the spec: {@code format, year, agency, publishedOn, narrative, cells, blank}, keys sorted,
 * pretty-printed with two spaces. Counts are JSON numbers; amounts (the fee) are decimal strings so no reader
 * turns 0.10 into a binary float; text cells are strings.
 * Reading it back is the importers' ({@link CanonicalJsonReader}).
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    /** The canonical JSON text, ending with a newline. */
    public static String write(AnnualReport report) {
        ReportLayout layout = report.layout();
        StringBuilder out = new StringBuilder(8192);
        out.append("{\n");
        out.append("  \"format\": ");
        JsonText.string(out, report.format().code());
        out.append(",\n  \"year\": ")
                .append(report.year() == null ? "null" : report.year().toString());
        out.append(",\n  \"agency\": ");
        nullableString(out, report.agency());
        out.append(",\n  \"publishedOn\": ");
        nullableString(
                out, report.publishedOn() == null ? null : report.publishedOn().toString());
        out.append(",\n  \"narrative\": ");
        object(out, report.narrative().entrySet().iterator(), (o, key, text) -> JsonText.string(o, text));
        out.append(",\n  \"cells\": ");
        object(
                out,
                report.cells().entrySet().iterator(),
                (o, key, value) ->
                        value(o, layout.cell(key).map(CellDefinition::type).orElse(CellType.COUNT), value));
        out.append(",\n  \"blank\": ");
        if (report.blank().isEmpty()) {
            out.append("[]");
        } else {
            out.append('[');
            String separator = "\n";
            for (String key : report.blank()) {
                out.append(separator).append("    ");
                JsonText.string(out, key);
                separator = ",\n";
            }
            out.append("\n  ]");
        }
        return out.append("\n}\n").toString();
    }

    public static byte[] writeBytes(AnnualReport report) {
        return write(report).getBytes(StandardCharsets.UTF_8);
    }

    private static void nullableString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
        } else {
            JsonText.string(out, value);
        }
    }

    private interface ValueWriter<V> {
        void write(StringBuilder out, String key, V value);
    }

    private static <V> void object(
            StringBuilder out, Iterator<Map.Entry<String, V>> entries, ValueWriter<V> valueWriter) {
        if (!entries.hasNext()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "\n";
        while (entries.hasNext()) {
            Map.Entry<String, V> entry = entries.next();
            out.append(separator).append("    ");
            JsonText.string(out, entry.getKey()).append(": ");
            valueWriter.write(out, entry.getKey(), entry.getValue());
            separator = ",\n";
        }
        out.append("\n  }");
    }

    private static void value(StringBuilder out, CellType type, CellValue value) {
        switch (value) {
            case CellValue.Numeric(BigDecimal number)
            when type == CellType.COUNT || type == CellType.SIGNED_COUNT -> out.append(number.toPlainString());
            case CellValue.Numeric(BigDecimal number) -> JsonText.string(out, number.toPlainString());
            case CellValue.Text(String text) -> JsonText.string(out, text);
        }
    }

    /**
     * Reads the canonical JSON back (see {@link CanonicalJsonReader}: reading is the importers', so the reader of every
     * format lives with them).
     */
    public static ImportResult read(byte[] content) throws UnreadableReportException {
        return CanonicalJsonReader.read(content);
    }
}
