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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    static final List<String> COMMON = List.of(
            "s3.received.total",
            "s3.granted.total",
            "s3.handledTotal.total",
            "s3.carriedForward.total",
            "s4.review.total",
            "s4.litigationDirect.total");

    /** One agency's year: the published revision, or empty when it was not published. */
    record Line(Agency agency, int year, Optional<PublishedRevision> revision) {}

    /**
     * What may be picked: the agencies of the jurisdiction and of those below it, by where they are registered (each
     * parent before its branches, wherever the branch is registered), and the years on record.
     */
    record Choices(List<Group> groups, List<Integer> years) {}

    /** The agencies offered under one jurisdiction's name. */
    record Group(Jurisdiction jurisdiction, List<Agency> agencies) {}

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

    private CompareView() {}

    /** Each value may itself be a comma-separated list ({@code agencies=a,b} as well as {@code agencies=a&agencies=b}). */
    static List<String> list(List<String> values, String parameter, int max) {
        if (values == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>(new LinkedHashSet<>(values.stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
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
            cells.add(cell(key)
                    .orElseThrow(() -> new ApiException(ProblemCode.COMPARE_CELL_UNKNOWN, key).atField("cells")));
        }
        return cells;
    }

    private static Optional<CellDefinition> cell(String key) {
        return ReportLayout.of(ReportFormat.V2021)
                .cell(key)
                .or(() -> ReportLayout.of(ReportFormat.V2019).cell(key));
    }

    /** Every measure a person can pick, by table: the current format's cells, then those only the 2019 format has. */
    private static Map<Section, List<CellDefinition>> measures() {
        Map<Section, Map<String, CellDefinition>> bySection = new LinkedHashMap<>();
        for (ReportFormat format : List.of(ReportFormat.V2021, ReportFormat.V2019)) {
            for (CellDefinition cell : ReportLayout.of(format).cells()) {
                bySection
                        .computeIfAbsent(cell.section(), s -> new LinkedHashMap<>())
                        .putIfAbsent(cell.key(), cell);
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

    /** A check box of the form: agency, year or measure. */
    record Pick(String name, String value, String id, String label, boolean checked, boolean branch) {}

    /** The agencies offered under one jurisdiction's name. */
    record Picks(Jurisdiction jurisdiction, List<Pick> picks) {}

    /** A national table's measures, open when one of them is picked beyond the common ones. */
    record Measures(String title, boolean open, List<Pick> picks) {}

    /** A measure of the answer: its key (only in attributes) and its name. */
    record Column(String key, String name) {}

    /** A row of the answer: its values, or null when the year was not published. */
    record Row(Agency agency, int year, List<Value> values) {}

    /** A cell of the answer as shown. */
    record Value(String key, String text) {}

    /** A bar chart of one numeric measure, its numbers said in {@code alternative}. */
    record Chart(String id, String key, String name, String alternative, int width, int height, List<Bar> bars) {}

    /** One agency's year in a chart: its label, the bar ({@code length} 0: none) and the number beside it. */
    record Bar(int labelX, int textY, String label, int x, int y, int length, int height, int valueX, String value) {}

    static byte[] html(
            Pages pages, Jurisdiction jurisdiction, Choices choices, Selection selection, List<Line> lines, Lang lang) {
        String base = "/public/" + jurisdiction.slug();
        String query = selection.query();
        Set<String> here = choices.groups().stream()
                .flatMap(g -> g.agencies().stream())
                .map(a -> a.slug().value())
                .collect(Collectors.toSet());
        List<Picks> groups = choices.groups().stream()
                .map(group -> new Picks(
                        group.jurisdiction(),
                        group.agencies().stream()
                                .map(agency -> new Pick(
                                        "agencies",
                                        agency.slug().value(),
                                        "agency-" + agency.slug(),
                                        agency.nameZh(),
                                        selection
                                                .agencies()
                                                .contains(agency.slug().value()),
                                        agency.parent() != null
                                                && here.contains(agency.parent().value())))
                                .toList()))
                .toList();
        Set<Integer> years = new java.util.TreeSet<>(Comparator.reverseOrder());
        years.addAll(choices.years());
        years.addAll(selection.years());
        Set<String> chosen = selection.cells().stream().map(CellDefinition::key).collect(Collectors.toSet());
        List<Measures> sections = measures().entrySet().stream()
                .map(section -> new Measures(
                        lang.locale == Locale.ENGLISH
                                ? section.getKey().titleEn()
                                : section.getKey().titleZh(),
                        section.getValue().stream()
                                .anyMatch(c -> chosen.contains(c.key()) && !COMMON.contains(c.key())),
                        section.getValue().stream()
                                .filter(c -> !COMMON.contains(c.key()))
                                .map(c -> new Pick(
                                        "cells",
                                        c.key(),
                                        "cell-" + c.key(),
                                        name(c, lang),
                                        chosen.contains(c.key()),
                                        false))
                                .toList()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("jurisdiction", jurisdiction);
        model.put("base", base);
        model.put("query", query);
        model.put("groups", groups);
        model.put(
                "years",
                years.stream()
                        .map(year -> new Pick(
                                "years",
                                Integer.toString(year),
                                "year-" + year,
                                pages.word(lang, "page.year", year),
                                selection.years().contains(year),
                                false))
                        .toList());
        model.put(
                "common",
                COMMON.stream()
                        .map(key -> new Pick(
                                "cells",
                                key,
                                "cell-common-" + key,
                                name(cell(key).orElseThrow(), lang),
                                chosen.contains(key),
                                false))
                        .toList());
        model.put("sections", sections);
        model.put("complete", selection.complete());
        model.put(
                "cells",
                selection.cells().stream()
                        .map(c -> new Column(c.key(), name(c, lang)))
                        .toList());
        model.put(
                "lines",
                lines.stream()
                        .map(line -> new Row(
                                line.agency(),
                                line.year(),
                                line.revision()
                                        .map(r -> selection.cells().stream()
                                                .map(c -> new Value(c.key(), value(pages, r, c, lang)))
                                                .toList())
                                        .orElse(null)))
                        .toList());
        model.put("charts", charts(pages, selection.cells(), lines, lang));
        return pages.render("compare", lang, base + "/compare" + (query.isEmpty() ? "" : "?" + query), model);
    }

    /** A cell as shown: the number or text, "blank" when left empty, or that the year's form has no such cell. */
    private static String value(Pages pages, PublishedRevision revision, CellDefinition cell, Lang lang) {
        if (!revision.report().format().layout().hasCell(cell.key())) {
            return pages.word(lang, "compare.notInForm");
        }
        String value =
                revision.report().cell(cell.key()).map(CellValue::toString).orElse("");
        return value.isEmpty() ? pages.word(lang, "compare.blank") : value;
    }

    private static Optional<BigDecimal> number(Line line, CellDefinition cell) {
        return line.revision()
                .map(r -> r.report().cells().get(cell.key()))
                .filter(v -> v instanceof CellValue.Numeric)
                .map(v -> ((CellValue.Numeric) v).value());
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
    private static List<Chart> charts(Pages pages, List<CellDefinition> cells, List<Line> lines, Lang lang) {
        List<Chart> charts = new ArrayList<>();
        for (CellDefinition cell : cells) {
            if (cell.type() == CellType.TEXT) {
                continue;
            }
            BigDecimal max = lines.stream()
                    .map(l -> number(l, cell))
                    .flatMap(Optional::stream)
                    .map(BigDecimal::abs)
                    .max(Comparator.naturalOrder())
                    .orElse(BigDecimal.ZERO);
            String alternative = lines.stream()
                    .map(l -> pages.word(
                            lang,
                            "compare.chart.said",
                            l.agency().nameZh(),
                            l.year(),
                            number(l, cell)
                                    .map(BigDecimal::toPlainString)
                                    .orElse(pages.word(
                                            lang,
                                            l.revision().isPresent()
                                                    ? "compare.chart.noNumber"
                                                    : "compare.chart.notPublished"))))
                    .collect(Collectors.joining(pages.word(lang, "compare.chart.between")));
            List<Bar> bars = new ArrayList<>();
            int y = GAP;
            for (Line line : lines) {
                Optional<BigDecimal> value = number(line, cell);
                String label = line.agency().nameZh();
                if (label.length() > 14) {
                    label = label.substring(0, 13) + "…";
                }
                int length = value.isEmpty() || max.signum() == 0
                        ? 0
                        : value.get()
                                .abs()
                                .multiply(BigDecimal.valueOf(WIDTH - LABELS - 80))
                                .divide(max, 0, java.math.RoundingMode.HALF_UP)
                                .intValue();
                bars.add(new Bar(
                        LABELS - 8,
                        y + BAR / 2 + 5,
                        label + " " + line.year(),
                        LABELS,
                        y,
                        length,
                        BAR,
                        LABELS + length + 6,
                        value.map(BigDecimal::toPlainString)
                                .orElse(
                                        line.revision().isPresent()
                                                ? "—"
                                                : pages.word(lang, "compare.chart.notPublished"))));
                y += BAR + GAP;
            }
            charts.add(new Chart(
                    "chart-" + (charts.size() + 1),
                    cell.key(),
                    name(cell, lang),
                    alternative,
                    WIDTH,
                    lines.size() * (BAR + GAP) + GAP,
                    bars));
        }
        return charts;
    }

    // ---- CSV ---------------------------------------------------------------------------------------------------

    /** The table as CSV: headers are the words of the page, one row per agency and year. */
    static byte[] csv(List<CellDefinition> cells, List<Line> lines, Lang lang) {
        List<String> header = new ArrayList<>(List.of(
                lang.t("机关", "Agency"), lang.t("年度", "Year"), lang.t("发布情况", "Publication"), lang.t("版本", "Revision")));
        cells.forEach(c -> header.add(name(c, lang)));
        CsvTable csv = new CsvTable().row(header);
        for (Line line : lines) {
            List<Object> row = new ArrayList<>(List.of(
                    line.agency().nameZh(),
                    line.year(),
                    line.revision().isPresent() ? lang.t("已发布", "Published") : lang.t("未发布", "Not published"),
                    line.revision().map(r -> (Object) r.number()).orElse("")));
            for (CellDefinition cell : cells) {
                row.add(line.revision()
                        .flatMap(r -> r.report().cell(cell.key()))
                        .orElse(null));
            }
            csv.row(row);
        }
        return csv.bytes();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
