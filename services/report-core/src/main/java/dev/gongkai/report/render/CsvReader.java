package dev.gongkai.report.render;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.SourceType;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.RuleId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the CSV that {@link CsvRenderer} writes back into the report: a row per item named as the format names it,
 * an empty value is a blank, a missing row an absent cell. The CSV of earlier releases ({@code key,label,value}, items
 * by their cell keys) is read too. Rows the format does not know are {@code STRUCTURE} findings, never dropped
 * silently.
 */
public final class CsvReader {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** The header of the CSV that earlier releases wrote, its items by their cell keys. */
    private static final List<String> KEYED = List.of("key", "label", "value");

    private CsvReader() {}

    /** True when the content starts like our CSV (after an optional byte-order mark). */
    public static boolean looksLikeCsv(byte[] content) {
        int offset = hasBom(content) ? 3 : 0;
        for (List<String> header : List.of(CsvRenderer.HEADER, KEYED)) {
            byte[] first = String.join(",", header).getBytes(StandardCharsets.UTF_8);
            if (startsWith(content, offset, first)) {
                int next = offset + first.length;
                if (next == content.length || content[next] == '\r' || content[next] == '\n') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        if (content.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** One item of the CSV: its key in the report (or its name where the format has none), its value, its line. */
    private record Item(String key, String name, String value, int line) {}

    /**
     * Reads a report from CSV. The result names {@link SourceType#TEXT} as its source until the source types
     * include CSV.
     */
    public static ImportResult read(byte[] content) throws UnreadableReportException {
        List<List<String>> rows = parse(decode(content));
        boolean keyed = !rows.isEmpty() && rows.getFirst().equals(KEYED);
        if (rows.isEmpty() || !keyed && !rows.getFirst().equals(CsvRenderer.HEADER)) {
            throw new UnreadableReportException(
                    "NOT_A_REPORT", "CSV 的第一行应为“项目,数值”", "the CSV's first row must be 项目,数值 (item, value)");
        }
        int width = keyed ? 3 : 2;
        String formatCode = rows.stream()
                .skip(1)
                .filter(r -> r.size() == width && r.get(0).equals(keyed ? "format" : CsvRenderer.FORMAT))
                .map(r -> r.get(width - 1))
                .findFirst()
                .orElseThrow(() -> new UnreadableReportException(
                        "UNKNOWN_FORMAT", "CSV 缺少“报告格式”一行（如 报告格式,2021）", "the CSV has no 报告格式 (format) row"));
        ReportFormat format;
        try {
            format = ReportFormat.ofCode(formatCode);
        } catch (IllegalArgumentException unknown) {
            throw new UnreadableReportException(
                    "UNKNOWN_FORMAT",
                    "未知的报告格式“" + formatCode + "”（应为 2021 或 2019）",
                    "unknown report format \"" + formatCode + "\" (expected 2021 or 2019)");
        }
        ReportLayout layout = ReportLayout.of(format);
        Map<String, String> keysByName = keysByName(layout);
        AnnualReport.Builder builder = AnnualReport.builder(format);
        List<Finding> findings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            int line = i + 1;
            if (row.size() == 1 && row.getFirst().isEmpty()) {
                continue;
            }
            if (row.size() != width) {
                findings.add(structure(
                        List.of(),
                        "CSV 第 " + line + " 行有 " + row.size() + " 列（应为 " + width + " 列），已忽略",
                        "CSV row " + line + " has " + row.size() + " fields (expected " + width
                                + "); it was not read"));
                continue;
            }
            String name = row.getFirst();
            Item item = new Item(keyed ? name : keysByName.getOrDefault(name, name), name, row.get(width - 1), line);
            if (!seen.add(item.key())) {
                findings.add(structure(
                        cellList(layout, item.key()),
                        "CSV 第 " + line + " 行重复了“" + name + "”，已忽略",
                        "CSV row " + line + " repeats \"" + name + "\"; it was not read"));
                continue;
            }
            String value = item.value();
            switch (item.key()) {
                case "format" -> {}
                case "year" -> builder.year(year(value, findings));
                case "agency" -> builder.agency(value.isEmpty() ? null : untext(value));
                case "publishedOn" -> builder.publishedOn(date(value, findings));
                case "s1", "s5", "s6" -> builder.narrative(Section.ofKey(item.key()), untext(value));
                default -> cell(layout, item, builder, findings);
            }
        }
        return new ImportResult(SourceType.TEXT, builder.build(), findings);
    }

    /** The report's items by the names the CSV gives them: its own rows, the narratives' titles, every cell's name. */
    private static Map<String, String> keysByName(ReportLayout layout) {
        Map<String, String> keys = new HashMap<>();
        keys.put(CsvRenderer.FORMAT, "format");
        keys.put(CsvRenderer.YEAR, "year");
        keys.put(CsvRenderer.AGENCY, "agency");
        keys.put(CsvRenderer.PUBLISHED_ON, "publishedOn");
        for (Section section : Section.NARRATIVES) {
            keys.put(section.titleZh(), section.key());
        }
        for (CellDefinition cell : layout.cells()) {
            keys.put(cell.name(), cell.key());
        }
        return keys;
    }

    private static void cell(ReportLayout layout, Item item, AnnualReport.Builder builder, List<Finding> findings) {
        String key = item.key();
        String value = item.value();
        Optional<CellDefinition> cell = layout.cell(key);
        if (cell.isEmpty()) {
            findings.add(structure(
                    List.of(),
                    "CSV 第 " + item.line() + " 行的“" + item.name() + "”（值“" + value + "”）不是"
                            + layout.format().code() + "年版格式的项目，已忽略",
                    "CSV row " + item.line() + ": \"" + item.name() + "\" (value \"" + value
                            + "\") is not an item of the " + layout.format().code() + " format; it was not read"));
        } else if (value.isEmpty()) {
            builder.blank(key);
        } else if (cell.get().type() != CellType.TEXT && DECIMAL.matcher(value).matches()) {
            builder.cell(key, CellValue.of(new BigDecimal(value)));
        } else {
            builder.cell(key, CellValue.text(untext(value)));
        }
    }

    private static Integer year(String value, List<Finding> findings) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.matches("\\d{4}")) {
            return Integer.valueOf(value);
        }
        findings.add(structure(
                List.of(),
                "报告年度“" + value + "”不是年份，已忽略",
                "the report year \"" + value + "\" is not a year; it was not read"));
        return null;
    }

    private static LocalDate date(String value, List<Finding> findings) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            findings.add(structure(
                    List.of(),
                    "发布日期“" + value + "”不是 ISO 日期（如 2022-01-19），已忽略",
                    "publishedOn \"" + value + "\" is not an ISO date (e.g. 2022-01-19); it was not read"));
            return null;
        }
    }

    /** Removes the apostrophe {@link CsvTable} puts before text a spreadsheet would take for a formula. */
    private static String untext(String value) {
        return value.startsWith("'")
                        && CsvTable.FORMULA.matcher(value.substring(1)).matches()
                ? value.substring(1)
                : value;
    }

    private static List<String> cellList(ReportLayout layout, String key) {
        return layout.hasCell(key) ? List.of(key) : List.of();
    }

    private static Finding structure(List<String> cells, String zh, String en) {
        return Finding.of(RuleId.STRUCTURE, cells, zh, en);
    }

    private static boolean hasBom(byte[] content) {
        return content.length >= 3
                && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF;
    }

    private static String decode(byte[] content) throws UnreadableReportException {
        int offset = hasBom(content) ? 3 : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableReportException("DAMAGED", "CSV 不是 UTF-8 编码", "the CSV is not UTF-8 encoded", e);
        }
    }

    /** RFC 4180 records; CRLF or LF line ends. */
    static List<List<String>> parse(String text) throws UnreadableReportException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean atFieldStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (atFieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new UnreadableReportException(
                                "DAMAGED", "CSV 中有未闭合的引号", "the CSV has an unterminated quoted field");
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                atFieldStart = false;
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (c == '\r' || c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                atFieldStart = true;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
                atFieldStart = false;
            }
            i++;
        }
        if (!atFieldStart || !row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
