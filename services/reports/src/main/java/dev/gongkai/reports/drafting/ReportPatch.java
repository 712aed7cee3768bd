package dev.gongkai.reports.drafting;

import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.FieldProblem;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partial canonical document: {@code {"cells": {key: value or null}, "narrative": {"s1": "…"}}}. Read strictly:
 * anything the format does not know is refused with its path, never dropped.
 *
 * @param cells     the cells to change; an empty value makes the cell blank
 * @param narrative the narrative sections to change; null removes the text
 */
record ReportPatch(Map<String, Optional<CellValue>> cells, Map<String, String> narrative) {

    /** Bigger bodies are refused unread (413); a whole report is about 10 KB plus its narrative. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The longest narrative section we accept; published reports stay well below 20,000 characters. */
    static final int MAX_NARRATIVE_CHARS = 100_000;

    private static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    boolean isEmpty() {
        return cells.isEmpty() && narrative.isEmpty();
    }

    static ReportPatch read(byte[] body, ReportLayout layout) {
        JsonNode root = parse(body);
        if (!root.isObject()) {
            throw new ApiException(ProblemCode.REPORT_PATCH_NOT_OBJECT);
        }
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, Optional<CellValue>> cells = new LinkedHashMap<>();
        Map<String, String> narrative = new LinkedHashMap<>();
        for (var member : root.properties()) {
            switch (member.getKey()) {
                case "cells" -> readCells(member.getValue(), layout, cells, errors);
                case "narrative" -> readNarrative(member.getValue(), narrative, errors);
                default ->
                    errors.add(new FieldProblem(
                            member.getKey(),
                            "patch.unknown-member",
                            "不能修改“" + member.getKey() + "”：只能修改 cells 和 narrative",
                            "\"" + member.getKey() + "\" cannot be changed; only cells and narrative can"));
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new ReportPatch(cells, narrative);
    }

    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiException(ProblemCode.REQUEST_BODY_MISSING);
        }
        try {
            return STRICT.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(ProblemCode.REQUEST_MALFORMED_JSON, e.getOriginalMessage())
                    .with("line", e.getLocation() == null ? -1 : e.getLocation().getLineNr())
                    .with(
                            "column",
                            e.getLocation() == null ? -1 : e.getLocation().getColumnNr());
        }
    }

    private static void readCells(
            JsonNode node, ReportLayout layout, Map<String, Optional<CellValue>> cells, List<FieldProblem> errors) {
        if (!node.isObject()) {
            errors.add(new FieldProblem(
                    "cells",
                    "patch.cells.not-object",
                    "cells 应为对象（单元格 → 值）",
                    "cells must be an object (cell key → value)"));
            return;
        }
        for (var entry : node.properties()) {
            String key = entry.getKey();
            String path = "cells." + key;
            JsonNode value = entry.getValue();
            Optional<CellDefinition> cell = layout.cell(key);
            if (cell.isEmpty()) {
                errors.add(new FieldProblem(
                        path,
                        "patch.cell.unknown",
                        "“" + key + "”不是" + layout.format().code() + "年版格式的单元格",
                        "\"" + key + "\" is not a cell of the "
                                + layout.format().code() + " format"));
                continue;
            }
            CellType type = cell.get().type();
            if (value.isNull()) {
                cells.put(key, Optional.empty());
            } else if (value.isNumber()) {
                BigDecimal number = value.decimalValue();
                if (number.abs().compareTo(MAX_NUMBER) >= 0) {
                    errors.add(new FieldProblem(
                            path,
                            "patch.cell.too-large",
                            cell.get().labelZh() + "：数值过大",
                            key + ": the number is too large"));
                } else {
                    cells.put(
                            key,
                            Optional.of(
                                    type == CellType.TEXT
                                            ? CellValue.text(number.toPlainString())
                                            : CellValue.of(number)));
                }
            } else if (value.isString()) {
                String text = value.stringValue().strip();
                if (type == CellType.TEXT) {
                    cells.put(key, Optional.of(CellValue.text(text)));
                } else if (DECIMAL.matcher(text).matches() && text.length() < 30) {
                    cells.put(key, Optional.of(CellValue.of(new BigDecimal(text))));
                } else {
                    errors.add(new FieldProblem(
                            path,
                            "patch.cell.not-a-number",
                            cell.get().labelZh() + "：“" + abbreviate(text) + "”不是数字",
                            key + ": \"" + abbreviate(text) + "\" is not a number"));
                }
            } else {
                errors.add(new FieldProblem(
                        path,
                        "patch.cell.not-a-number",
                        cell.get().labelZh() + "：值应为数字或 null（空白）",
                        key + ": the value must be a number or null (blank)"));
            }
        }
    }

    private static void readNarrative(JsonNode node, Map<String, String> narrative, List<FieldProblem> errors) {
        if (!node.isObject()) {
            errors.add(new FieldProblem(
                    "narrative",
                    "patch.narrative.not-object",
                    "narrative 应为对象（s1、s5、s6 → 文字）",
                    "narrative must be an object (s1, s5, s6 → text)"));
            return;
        }
        for (var entry : node.properties()) {
            String key = entry.getKey();
            String path = "narrative." + key;
            if (Section.NARRATIVES.stream().noneMatch(s -> s.key().equals(key))) {
                errors.add(new FieldProblem(
                        path,
                        "patch.narrative.unknown",
                        "“" + key + "”不是文字部分（应为 s1、s5 或 s6）",
                        "\"" + key + "\" is not a narrative section (s1, s5 or s6)"));
            } else if (entry.getValue().isNull()) {
                narrative.put(key, null);
            } else if (!entry.getValue().isString()) {
                errors.add(new FieldProblem(
                        path, "patch.narrative.not-text", "文字部分的值应为字符串", "A narrative must be a string"));
            } else if (entry.getValue().stringValue().length() > MAX_NARRATIVE_CHARS) {
                errors.add(new FieldProblem(
                        path,
                        "patch.narrative.too-long",
                        Section.ofKey(key).titleZh() + "超过 " + MAX_NARRATIVE_CHARS + " 个字符",
                        key + " is longer than " + MAX_NARRATIVE_CHARS + " characters"));
            } else {
                narrative.put(key, entry.getValue().stringValue());
            }
        }
    }

    static ApiException invalid(List<FieldProblem> errors) {
        String fields =
                String.join(", ", errors.stream().map(FieldProblem::field).toList());
        return new ApiException(ProblemCode.REPORT_PATCH_INVALID, errors.size(), fields).with("errors", errors);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
