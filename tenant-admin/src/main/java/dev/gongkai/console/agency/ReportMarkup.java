package dev.gongkai.console.agency;

import dev.gongkai.contract.ReportDocument;
import dev.gongkai.contract.ReportView;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.labels.Labels;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.HtmlRenderer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tables 二, 三 and 四 in exactly the markup the public sees (report-core's {@link HtmlRenderer}, with
 * {@code data-cell} on every value cell), turned into an editor by putting a labelled input into each value cell,
 * or into a review view with last year's value beside each cell and the differences marked.
 */
public final class ReportMarkup {

    private ReportMarkup() {}

    /** The document of the report the reports service answered with, as the report core reads it. */
    public static AnnualReport report(ReportView view, JsonMapper json) {
        return report(view.document(), json);
    }

    public static AnnualReport report(ReportDocument document, JsonMapper json) {
        return read(json.writeValueAsBytes(document));
    }

    private static AnnualReport read(byte[] canonical) {
        try {
            return CanonicalJson.read(canonical).report();
        } catch (UnreadableReportException e) {
            throw new IllegalStateException("The reports service answered a report the report core cannot read", e);
        }
    }

    /**
     * Section key → the section's table exactly as the public sees it, the cells in {@code marked} given
     * {@code class="incomplete"} (the compiled report's cells left blank because an agency has no number).
     */
    public static Map<String, String> readOnlyTables(AnnualReport report, java.util.Set<String> marked) {
        Document page = Jsoup.parse(HtmlRenderer.render(report));
        Map<String, String> tables = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            Element table =
                    section.kind() == Section.Kind.TABLE ? page.selectFirst("#" + section.key() + " table") : null;
            if (table == null) {
                continue;
            }
            named(table, section);
            for (Element cell : table.select("td[data-cell]")) {
                if (marked.contains(cell.attr("data-cell"))) {
                    cell.addClass("incomplete");
                }
            }
            tables.put(section.key(), table.outerHtml());
        }
        return tables;
    }

    /**
     * Section key → the section's table with one input per value cell; with {@code previous} (last year's report,
     * may be null) its value beside each cell, and the cells this year's draft took from it (上年结转, 现行有效件数)
     * saying so.
     */
    public static Map<String, String> editableTables(
            AnnualReport report, boolean editable, AnnualReport previous, java.util.Locale locale) {
        Document page = Jsoup.parse(HtmlRenderer.render(report));
        Map<String, String> tables = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            if (section.kind() != Section.Kind.TABLE) {
                continue;
            }
            Element table = page.selectFirst("#" + section.key() + " table");
            if (table == null) {
                continue;
            }
            named(table, section);
            for (Element cell : table.select("td[data-cell]")) {
                String key = cell.attr("data-cell");
                String value = cell.text();
                String label = Labels.cell(key, null);
                cell.empty();
                Element input = cell.appendElement("input")
                        .attr("type", "text")
                        .addClass("cell")
                        .attr("name", key)
                        .attr("id", "cell-" + key)
                        .attr("value", value)
                        .attr("inputmode", key.endsWith(".amount") ? "decimal" : "numeric")
                        .attr("autocomplete", "off")
                        .attr("aria-label", label)
                        .attr("title", label);
                if (!editable) {
                    input.attr("readonly", "readonly");
                }
                if (previous != null) {
                    String before = previous.cells().containsKey(key) ? plain(previous, key) : "";
                    cell.appendElement("span")
                            .addClass("previous")
                            .attr("id", "previous-" + key)
                            .text(Labels.word("cell.lastYear", locale) + " " + (before.isEmpty() ? "—" : before));
                    String source = carriedFrom(key);
                    if (source != null && !value.isEmpty() && value.equals(plain(previous, source))) {
                        cell.appendElement("span").addClass("carried").text(Labels.word("cell.carried", locale));
                    }
                    input.attr("aria-describedby", "previous-" + key);
                }
            }
            tables.put(section.key(), table.outerHtml());
        }
        return tables;
    }

    /**
     * Section key → the section's table showing this year's values, with last year's beside each one and the cells
     * that differ marked ({@code class="changed"}); {@code previous} may be null when there is no last year.
     */
    public static Map<String, String> comparedTables(AnnualReport report, AnnualReport previous) {
        Document page = Jsoup.parse(HtmlRenderer.render(report));
        Map<String, String> tables = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            if (section.kind() != Section.Kind.TABLE) {
                continue;
            }
            Element table = page.selectFirst("#" + section.key() + " table");
            if (table == null) {
                continue;
            }
            for (Element cell : table.select("td[data-cell]")) {
                String key = cell.attr("data-cell");
                String now = cell.text();
                cell.attr("tabindex", "0").attr("aria-label", Labels.cell(key, null) + "：" + now);
                if (previous != null) {
                    String before = previous.cells().containsKey(key) ? plain(previous, key) : "";
                    cell.appendElement("span").addClass("previous").text(before).attr("title", "上年 / last year");
                    if (!Objects.equals(before, now)) {
                        cell.addClass("changed");
                    }
                }
            }
            tables.put(section.key(), table.outerHtml());
        }
        return tables;
    }

    /**
     * Gives the table's caption the id {@code <section>-caption}: pages frame each table in a scrolling region
     * ({@code .table-wrap}, focusable so the keyboard can scroll it) named by that caption.
     */
    private static void named(Element table, Section section) {
        Element caption = table.selectFirst("caption");
        if (caption != null) {
            caption.attr("id", section.key() + "-caption");
        }
    }

    /** The cell of last year's report a new draft starts this cell from (see the reports service's new draft). */
    private static String carriedFrom(String key) {
        if (key.startsWith("s3.carriedOver.")) {
            return "s3.carriedForward." + key.substring("s3.carriedOver.".length());
        }
        return key.startsWith("s2.") && key.endsWith(".inForce") ? key : null;
    }

    private static String plain(AnnualReport report, String key) {
        return report.number(key)
                .map(n -> n.stripTrailingZeros().toPlainString())
                .orElseGet(() -> report.cell(key).map(Object::toString).orElse(""));
    }
}
