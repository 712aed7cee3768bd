package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.report.labels.Labels;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.render.CsvTable;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Comparing published reports for people: agencies, years and measures picked from lists (a form in the reader's
 * language, measures named as the national tables name them), the answer as a table, a bar chart per measure (SVG
 * drawn here, with its numbers as text beside it) and CSV whose headers are words. A year an agency has not published
 * is said once on its row; a blank cell stays blank, never 0.
 */
final class CompareView {

    static final int MAX_AGENCIES = 50;
    static final int MAX_CELLS = 40;
    static final int MAX_YEARS = 10;

    /** What a person most often compares; checked when nothing else is chosen. */
    static final List<String> COMMON = List.of("s3.received.total", "s3.granted.total", "s3.handledTotal.total",
            "s3.carriedForward.total", "s4.review.total", "s4.litigationDirect.total");

    /** One agency's year: the published revision, or empty when it was not published. */
    record Line(Agency agency, int year, Optional<PublishedRevision> revision) {
    }

    /**
     * What may be picked: the agencies of the jurisdiction and of those below it, by where they are registered (each
     * parent before its branches, wherever the branch is registered), and the years on record.
     */
    record Choices(List<Group> groups, List<Integer> years) {
    }

    /** The agencies offered under one jurisdiction's name. */
    record Group(Jurisdiction jurisdiction, List<Agency> agencies) {
    }

    /** What was picked: never empty measures (the common ones when none was named). */
    record Selection(List<String> agencies, List<Integer> years, List<CellDefinition> cells) {

        boolean complete() {
            return !agencies.isEmpty() && !years.isEmpty();
        }

        /** The selection as a query, for the CSV link and the language switch. */
        String query() {
            List<String> pairs = new ArrayList<>();
            agencies.forEach(a -> pairs.add("agencies=" + encode(a)));
            years.forEach(y -> pairs.add("years=" + y));
            cells.forEach(c -> pairs.add("cells=" + encode(c.key())));
            return String.join("&", pairs);
        }
    }

    private CompareView() {
    }

    /** Each value may itself be a comma-separated list ({@code agencies=a,b} as well as {@code agencies=a&agencies=b}). */
    static List<String> list(List<String> values, String parameter, int max) {
        if (values == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>(new LinkedHashSet<>(values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .toList()));
        if (items.size() > max) {
            throw new ApiException(ProblemCode.COMPARE_TOO_MANY, parameter, max).atField(parameter);
        }
        return items;
    }

    static List<Integer> years(List<String> values) {
        List<Integer> years = new ArrayList<>();
        for (String item : list(values, "years", MAX_YEARS)) {
            if (!item.matches("\\d{4}")) {
                throw new ApiException(ProblemCode.COMPARE_YEAR_INVALID, item).atField("years");
            }
            years.add(Integer.parseInt(item));
        }
        return years;
    }

    /** The cells of either national format; an unknown key is refused, never silently dropped. */
    static List<CellDefinition> cells(List<String> keys) {
        List<CellDefinition> cells = new ArrayList<>();
        for (String key : keys) {
            cells.add(cell(key).orElseThrow(
                    () -> new ApiException(ProblemCode.COMPARE_CELL_UNKNOWN, key).atField("cells")));
        }
        return cells;
    }

    private static Optional<CellDefinition> cell(String key) {
        return ReportLayout.of(ReportFormat.V2021).cell(key).or(() -> ReportLayout.of(ReportFormat.V2019).cell(key));
    }

    /** Every measure a person can pick, by table: the current format's cells, then those only the 2019 format has. */
    private static Map<Section, List<CellDefinition>> measures() {
        Map<Section, Map<String, CellDefinition>> bySection = new LinkedHashMap<>();
        for (ReportFormat format : List.of(ReportFormat.V2021, ReportFormat.V2019)) {
            for (CellDefinition cell : ReportLayout.of(format).cells()) {
                bySection.computeIfAbsent(cell.section(), s -> new LinkedHashMap<>()).putIfAbsent(cell.key(), cell);
            }
        }
        Map<Section, List<CellDefinition>> measures = new LinkedHashMap<>();
        bySection.forEach((section, cells) -> measures.put(section, List.copyOf(cells.values())));
        return measures;
    }

    static String name(CellDefinition cell, Lang lang) {
        return Labels.cell(cell.key(), lang.locale);
    }

    // ---- the page ----------------------------------------------------------------------------------------------

    static byte[] html(Jurisdiction jurisdiction, Choices choices, Selection selection, List<Line> lines, Lang lang) {
        String base = "/public/" + jurisdiction.slug();
        String title = jurisdiction.nameZh() + lang.t(" 年度报告数据对比", ": compare annual reports");
        String query = selection.query();
        StringBuilder out = Html.page(title, lang, base + "/compare" + (query.isEmpty() ? "" : "?" + query));
        out.append("<nav class=\"crumbs\" aria-label=\"").append(lang.t("位置", "Breadcrumb")).append("\"><a href=\"/")
                .append(lang.query()).append("\">").append(lang.t("首页", "Home")).append("</a> › <a href=\"")
                .append(base).append(lang.query()).append("\">").append(Html.escape(jurisdiction.nameZh()))
                .append("</a></nav>\n<header><h1>").append(Html.escape(title)).append("</h1></header>\n")
                .append("<main id=\"main\">\n");
        form(out, base, choices, selection, lang);
        if (!selection.complete()) {
            out.append("<p id=\"hint\">").append(lang.t("请至少选择一个机关和一个年度，再点“对比”。",
                    "Choose at least one agency and one year, then press Compare.")).append("</p>\n");
        } else {
            out.append("<section aria-labelledby=\"result-title\">\n<h2 id=\"result-title\">")
                    .append(lang.t("对比结果", "Result")).append("</h2>\n<p class=\"downloads\"><a href=\"").append(base)
                    .append("/compare.csv?").append(Html.escape(query + lang.and()))
                    .append("\" type=\"text/csv\">").append(lang.t("下载 CSV 表格", "Download as CSV")).append("</a></p>\n");
            table(out, selection.cells(), lines, lang);
            charts(out, selection.cells(), lines, lang);
            out.append("</section>\n");
        }
        return out.append(Html.end()).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void form(StringBuilder out, String base, Choices choices, Selection selection, Lang lang) {
        out.append("<form id=\"compare\" method=\"get\" action=\"").append(base).append("/compare\">\n");
        if (lang == Lang.EN) {
            out.append("<input type=\"hidden\" name=\"lang\" value=\"en\">\n");
        }
        out.append("<fieldset id=\"pick-agencies\">\n<legend>").append(lang.t("机关", "Agencies"))
                .append("</legend>\n");
        Set<String> here = choices.groups().stream().flatMap(g -> g.agencies().stream()).map(a -> a.slug().value())
                .collect(Collectors.toSet());
        for (Group group : choices.groups()) {
            // Named only when the page reaches beyond its own jurisdiction.
            if (choices.groups().size() > 1) {
                out.append("<p class=\"muted\" data-jurisdiction=\"").append(group.jurisdiction().slug())
                        .append("\">").append(Html.escape(group.jurisdiction().nameZh())).append("</p>\n");
            }
            out.append("<ul class=\"picks\">\n");
            for (Agency agency : group.agencies()) {
                boolean branch = agency.parent() != null && here.contains(agency.parent().value());
                check(out, "agencies", agency.slug().value(), "agency-" + agency.slug(), agency.nameZh(),
                        selection.agencies().contains(agency.slug().value()), branch ? "branch" : null);
            }
            out.append("</ul>\n");
        }
        out.append("</fieldset>\n<fieldset id=\"pick-years\">\n<legend>").append(lang.t("年度", "Years"))
                .append("</legend>\n<ul class=\"picks inline\">\n");
        Set<Integer> years = new java.util.TreeSet<>(Comparator.reverseOrder());
        years.addAll(choices.years());
        years.addAll(selection.years());
        for (int year : years) {
            check(out, "years", Integer.toString(year), "year-" + year, year + lang.t("年", ""),
                    selection.years().contains(year), null);
        }
        if (years.isEmpty()) {
            out.append("<li>").append(lang.t("尚无已发布的报告", "No report published yet")).append("</li>\n");
        }
        Set<String> chosen = selection.cells().stream().map(CellDefinition::key).collect(Collectors.toSet());
        out.append("</ul>\n</fieldset>\n<fieldset id=\"pick-measures\">\n<legend>").append(lang.t("指标", "Measures"))
                .append("</legend>\n<p class=\"muted\">").append(lang.t("常用指标：", "Often compared:")).append("</p>\n")
                .append("<ul class=\"picks\">\n");
        for (String key : COMMON) {
            CellDefinition cell = cell(key).orElseThrow();
            check(out, "cells", key, "cell-common-" + key, name(cell, lang), chosen.contains(key), null);
        }
        out.append("</ul>\n");
        for (Map.Entry<Section, List<CellDefinition>> section : measures().entrySet()) {
            boolean open = section.getValue().stream().anyMatch(c -> chosen.contains(c.key()) && !COMMON.contains(c.key()));
            out.append("<details").append(open ? " open" : "").append(">\n<summary>")
                    .append(Html.escape(lang.t(section.getKey().titleZh(), section.getKey().titleEn())))
                    .append("</summary>\n<ul class=\"picks\">\n");
            for (CellDefinition cell : section.getValue()) {
                if (!COMMON.contains(cell.key())) {
                    check(out, "cells", cell.key(), "cell-" + cell.key(), name(cell, lang), chosen.contains(cell.key()),
                            null);
                }
            }
            out.append("</ul>\n</details>\n");
        }
        out.append("</fieldset>\n<p><button type=\"submit\">").append(lang.t("对比", "Compare"))
                .append("</button></p>\n</form>\n");
    }

    private static void check(StringBuilder out, String name, String value, String id, String label, boolean checked,
                              String type) {
        out.append("<li").append(type == null ? "" : " class=\"" + type + "\"").append("><input type=\"checkbox\" name=\"")
                .append(name).append("\" value=\"").append(Html.escape(value)).append("\" id=\"").append(Html.escape(id))
                .append("\"").append(checked ? " checked" : "").append("> <label for=\"").append(Html.escape(id))
                .append("\">").append(Html.escape(label)).append("</label></li>\n");
    }

    private static void table(StringBuilder out, List<CellDefinition> cells, List<Line> lines, Lang lang) {
        out.append("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"result-caption\">\n")
                .append("<table id=\"result\">\n<caption id=\"result-caption\">")
                .append(lang.t("各机关各年度的指标", "Measures by agency and year")).append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">").append(lang.t("机关", "Agency")).append("</th><th scope=\"col\">")
                .append(lang.t("年度", "Year")).append("</th>");
        for (CellDefinition cell : cells) {
            out.append("<th scope=\"col\" data-cell=\"").append(cell.key()).append("\">").append(Html.escape(name(cell, lang)))
                    .append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Line line : lines) {
            out.append("<tr data-agency=\"").append(line.agency().slug()).append("\" data-year=\"").append(line.year())
                    .append("\"><th scope=\"row\">").append(Html.escape(line.agency().nameZh()))
                    .append("</th><th scope=\"row\">").append(line.year()).append(lang.t("年", "")).append("</th>");
            if (line.revision().isEmpty()) {
                out.append("<td colspan=\"").append(cells.size()).append("\" class=\"none\">")
                        .append(lang.t("未发布", "Not published")).append("</td>");
            } else {
                for (CellDefinition cell : cells) {
                    out.append("<td class=\"num\" data-cell=\"").append(cell.key()).append("\">")
                            .append(Html.escape(value(line.revision().get(), cell, lang))).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
    }

    /** A cell as shown: the number or text, "blank" when left empty, or that the year's form has no such cell. */
    static String value(PublishedRevision revision, CellDefinition cell, Lang lang) {
        if (!revision.report().format().layout().hasCell(cell.key())) {
            return lang.t("该年度格式无此项", "Not in that year's form");
        }
        String value = revision.report().cell(cell.key()).map(CellValue::toString).orElse("");
        return value.isEmpty() ? lang.t("未填写", "Blank") : value;
    }

    private static Optional<BigDecimal> number(Line line, CellDefinition cell) {
        return line.revision().map(r -> r.report().cells().get(cell.key()))
                .filter(v -> v instanceof CellValue.Numeric).map(v -> ((CellValue.Numeric) v).value());
    }

    // ---- the charts --------------------------------------------------------------------------------------------

    private static final int WIDTH = 720;
    private static final int LABELS = 260;
    private static final int BAR = 22;
    private static final int GAP = 8;

    /**
     * A horizontal bar per agency and year for each numeric measure: an image whose text alternative says every
     * number (the table above says them too).
     */
    private static void charts(StringBuilder out, List<CellDefinition> cells, List<Line> lines, Lang lang) {
        out.append("<div id=\"charts\">\n");
        int index = 0;
        for (CellDefinition cell : cells) {
            if (cell.type() == CellType.TEXT) {
                continue;
            }
            index++;
            BigDecimal max = lines.stream().map(l -> number(l, cell)).flatMap(Optional::stream).map(BigDecimal::abs)
                    .max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
            String id = "chart-" + index;
            String name = name(cell, lang);
            String alternative = lines.stream().map(l -> l.agency().nameZh() + " " + l.year() + lang.t("年", "")
                    + lang.t("：", ": ") + number(l, cell).map(BigDecimal::toPlainString)
                    .orElse(l.revision().isPresent() ? lang.t("无数字", "no number") : lang.t("未发布", "not published")))
                    .collect(Collectors.joining(lang.t("；", "; ")));
            int height = lines.size() * (BAR + GAP) + GAP;
            out.append("<figure class=\"chart\" data-cell=\"").append(cell.key()).append("\">\n<figcaption id=\"")
                    .append(id).append("-caption\">").append(Html.escape(name)).append("</figcaption>\n")
                    .append("<svg role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                    .append("-desc\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" width=\"100%\"")
                    .append(" style=\"max-width:").append(WIDTH).append("px\" xmlns=\"http://www.w3.org/2000/svg\">\n")
                    .append("<title id=\"").append(id).append("-title\">").append(Html.escape(name)).append("</title>\n")
                    .append("<desc id=\"").append(id).append("-desc\">").append(Html.escape(alternative)).append("</desc>\n");
            int y = GAP;
            for (Line line : lines) {
                Optional<BigDecimal> value = number(line, cell);
                String label = line.agency().nameZh();
                if (label.length() > 14) {
                    label = label.substring(0, 13) + "…";
                }
                out.append("<text x=\"").append(LABELS - 8).append("\" y=\"").append(y + BAR / 2 + 5)
                        .append("\" text-anchor=\"end\" font-size=\"14\" fill=\"#111\">").append(Html.escape(label))
                        .append(' ').append(line.year()).append("</text>\n");
                int length = value.isEmpty() || max.signum() == 0 ? 0 : value.get().abs()
                        .multiply(BigDecimal.valueOf(WIDTH - LABELS - 80))
                        .divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
                if (length > 0) {
                    out.append("<rect x=\"").append(LABELS).append("\" y=\"").append(y).append("\" width=\"")
                            .append(length).append("\" height=\"").append(BAR).append("\" fill=\"#1f5fa8\"/>\n");
                }
                out.append("<text x=\"").append(LABELS + length + 6).append("\" y=\"").append(y + BAR / 2 + 5)
                        .append("\" font-size=\"14\" fill=\"#111\">").append(Html.escape(value
                                .map(BigDecimal::toPlainString)
                                .orElse(line.revision().isPresent() ? "—" : lang.t("未发布", "not published"))))
                        .append("</text>\n");
                y += BAR + GAP;
            }
            out.append("</svg>\n</figure>\n");
        }
        out.append("</div>\n");
    }

    // ---- CSV ---------------------------------------------------------------------------------------------------

    /** The table as CSV: headers are the words of the page, one row per agency and year. */
    static byte[] csv(List<CellDefinition> cells, List<Line> lines, Lang lang) {
        List<String> header = new ArrayList<>(List.of(lang.t("机关", "Agency"), lang.t("年度", "Year"),
                lang.t("发布情况", "Publication"), lang.t("版本", "Revision")));
        cells.forEach(c -> header.add(name(c, lang)));
        CsvTable csv = new CsvTable().row(header);
        for (Line line : lines) {
            List<Object> row = new ArrayList<>(List.of(line.agency().nameZh(), line.year(),
                    line.revision().isPresent() ? lang.t("已发布", "Published") : lang.t("未发布", "Not published"),
                    line.revision().map(r -> (Object) r.number()).orElse("")));
            for (CellDefinition cell : cells) {
                row.add(line.revision().flatMap(r -> r.report().cell(cell.key())).orElse(null));
            }
            csv.row(row);
        }
        return csv.bytes();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
