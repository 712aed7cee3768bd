package dev.gongkai.report.imports;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the canonical JSON of the spec ({@code dev.gongkai.report.render.CanonicalJson} writes it). Strict about what
 * it cannot understand and loud about what it does not know: malformed JSON or an unknown format cannot be read at
 * all; an unknown cell key, member or value is a {@code STRUCTURE} finding and stays out of the report, never
 * silently dropped.
 */
public final class CanonicalJsonReader {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Set<String> MEMBERS =
            Set.of("format", "year", "agency", "publishedOn", "narrative", "cells", "blank");

    private CanonicalJsonReader() {}

    /** Built on the first read: writing (every {@code report-cli parse}) never needs it, and it costs a third of start-up. */
    private static final class Reader {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    public static ImportResult read(byte[] content) throws UnreadableReportException {
        JsonNode root;
        try {
            root = Reader.MAPPER.readTree(content);
        } catch (JacksonException e) {
            throw new UnreadableReportException(
                    "DAMAGED",
                    "JSON 格式错误，无法读取：" + e.getOriginalMessage(),
                    "malformed JSON: " + e.getOriginalMessage(),
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new UnreadableReportException(
                    "NOT_A_REPORT",
                    "JSON 不是年度报告对象（顶层应为对象）",
                    "the JSON is not a report object (the top level must be an object)");
        }
        ReportFormat format = format(root.get("format"));
        ReportLayout layout = ReportLayout.of(format);
        List<Finding> findings = new ArrayList<>();
        AnnualReport.Builder builder = AnnualReport.builder(format);

        for (Map.Entry<String, JsonNode> member : root.properties()) {
            if (!MEMBERS.contains(member.getKey())) {
                findings.add(structure(
                        List.of(),
                        "报告中有格式未定义的字段“" + member.getKey() + "”，已忽略",
                        "the report has a member \"" + member.getKey()
                                + "\" the format does not define; it was not read"));
            }
        }
        builder.year(year(root.get("year"), findings));
        builder.agency(optionalString(root.get("agency"), "agency", "机关名称", findings));
        builder.publishedOn(date(root.get("publishedOn"), findings));
        readNarrative(root.get("narrative"), builder, findings);
        readCells(root.get("cells"), layout, builder, findings);
        readBlank(root.get("blank"), layout, builder, findings);
        return new ImportResult(SourceType.JSON, builder.build(), findings);
    }

    private static ReportFormat format(JsonNode node) throws UnreadableReportException {
        String code = node == null || node.isNull()
                ? null
                : node.isString()
                        ? node.stringValue()
                        : node.isIntegralNumber() ? node.numberValue().toString() : null;
        if (code == null) {
            throw new UnreadableReportException(
                    "UNKNOWN_FORMAT",
                    "JSON 缺少报告格式（\"format\": \"2021\" 或 \"2019\"）",
                    "the JSON names no report format (\"format\": \"2021\" or \"2019\")");
        }
        try {
            return ReportFormat.ofCode(code);
        } catch (IllegalArgumentException unknown) {
            throw new UnreadableReportException(
                    "UNKNOWN_FORMAT",
                    "未知的报告格式“" + code + "”（应为 2021 或 2019）",
                    "unknown report format \"" + code + "\" (expected 2021 or 2019)");
        }
    }

    private static Integer year(JsonNode node, List<Finding> findings) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString() && node.stringValue().matches("\\d{4}")) {
            return Integer.valueOf(node.stringValue());
        }
        findings.add(structure(
                List.of(),
                "报告年度“" + node + "”不是年份，已忽略",
                "the report year " + node + " is not a year; it was not read"));
        return null;
    }

    private static String optionalString(JsonNode node, String member, String labelZh, List<Finding> findings) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        findings.add(structure(
                List.of(),
                labelZh + "“" + node + "”不是文字，已忽略",
                "\"" + member + "\" " + node + " is not a string; it was not read"));
        return null;
    }

    private static LocalDate date(JsonNode node, List<Finding> findings) {
        String text = optionalString(node, "publishedOn", "发布日期", findings);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            findings.add(structure(
                    List.of(),
                    "发布日期“" + text + "”不是 ISO 日期（如 2022-01-19），已忽略",
                    "publishedOn \"" + text + "\" is not an ISO date (e.g. 2022-01-19); it was not read"));
            return null;
        }
    }

    private static void readNarrative(JsonNode node, AnnualReport.Builder builder, List<Finding> findings) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            findings.add(
                    structure(List.of(), "narrative 应为对象，已忽略", "\"narrative\" must be an object; it was not read"));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            Optional<Section> section =
                    Section.NARRATIVES.stream().filter(s -> s.key().equals(key)).findFirst();
            if (section.isEmpty()) {
                findings.add(structure(
                        List.of(),
                        "narrative 中有格式未定义的部分“" + key + "”，已忽略",
                        "the narrative has a section \"" + key
                                + "\" the format does not define (s1, s5, s6); it was not read"));
            } else if (!entry.getValue().isString()) {
                findings.add(structure(
                        List.of(),
                        section.get().titleZh() + "的内容不是文字，已忽略",
                        "narrative " + key + " is not a string; it was not read"));
            } else {
                builder.narrative(section.get(), entry.getValue().stringValue());
            }
        }
    }

    private static void readCells(
            JsonNode node, ReportLayout layout, AnnualReport.Builder builder, List<Finding> findings) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            findings.add(structure(List.of(), "cells 应为对象，已忽略", "\"cells\" must be an object; it was not read"));
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            Optional<CellDefinition> cell = layout.cell(key);
            if (cell.isEmpty()) {
                findings.add(structure(
                        List.of(key),
                        "单元格“" + key + "”（值 " + value + "）不属于" + layout.format().code() + "年版格式，已忽略",
                        "cell \"" + key + "\" (value " + value + ") is not part of the "
                                + layout.format().code() + " format; it was not read"));
                continue;
            }
            CellType type = cell.get().type();
            if (value.isNull()) {
                builder.blank(key);
            } else if (value.isNumber()) {
                builder.cell(
                        key,
                        type == CellType.TEXT
                                ? CellValue.text(value.decimalValue().toPlainString())
                                : CellValue.of(value.decimalValue()));
            } else if (value.isString()) {
                String text = value.stringValue();
                builder.cell(
                        key,
                        type != CellType.TEXT && DECIMAL.matcher(text).matches()
                                ? CellValue.of(new BigDecimal(text))
                                : CellValue.text(text));
            } else {
                findings.add(structure(
                        List.of(key),
                        "单元格“" + key + "”的值 " + value + " 既不是数字也不是文字，已忽略",
                        "cell \"" + key + "\" holds " + value + ", neither a number nor a string; it was not read"));
            }
        }
    }

    private static void readBlank(
            JsonNode node, ReportLayout layout, AnnualReport.Builder builder, List<Finding> findings) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            findings.add(structure(List.of(), "blank 应为数组，已忽略", "\"blank\" must be an array; it was not read"));
            return;
        }
        Set<String> filled = builder.build().cells().keySet();
        for (JsonNode entry : node.values()) {
            if (!entry.isString()) {
                findings.add(structure(
                        List.of(),
                        "blank 中的 " + entry + " 不是单元格名称，已忽略",
                        "\"blank\" lists " + entry + ", which is not a cell key; it was not read"));
                continue;
            }
            String key = entry.stringValue();
            if (!layout.hasCell(key)) {
                findings.add(structure(
                        List.of(key),
                        "空白单元格“" + key + "”不属于" + layout.format().code() + "年版格式，已忽略",
                        "blank cell \"" + key + "\" is not part of the "
                                + layout.format().code() + " format; it was not read"));
            } else if (filled.contains(key)) {
                findings.add(structure(
                        List.of(key),
                        "单元格“" + key + "”既有值又被列为空白，保留其值",
                        "cell \"" + key + "\" has a value and is also listed as blank; the value was kept"));
            } else {
                builder.blank(key);
            }
        }
    }

    private static Finding structure(List<String> cells, String zh, String en) {
        return Finding.of(RuleId.STRUCTURE, cells, zh, en);
    }
}
