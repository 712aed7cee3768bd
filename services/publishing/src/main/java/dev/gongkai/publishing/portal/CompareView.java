package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Agencies × years × chosen cells of published reports, as an accessible table or CSV. */
final class CompareView {

    static final int MAX_AGENCIES = 50;
    static final int MAX_CELLS = 40;
    static final int MAX_YEARS = 10;

    /** One agency's year: the published revision, or empty when it was not published. */
    record Line(Agency agency, int year, Optional<PublishedRevision> revision) {
    }

    private CompareView() {
    }

    static List<String> list(String value, String parameter, int max) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>(new LinkedHashSet<>(Arrays.stream(value.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()));
        if (items.size() > max) {
            throw ApiException.badRequest("compare.too-many", "参数 " + parameter + " 最多 " + max + " 项",
                    "Parameter " + parameter + " takes at most " + max + " values").atField(parameter);
        }
        return items;
    }

    static List<Integer> years(String value) {
        List<Integer> years = new ArrayList<>();
        for (String item : list(value, "years", MAX_YEARS)) {
            if (!item.matches("\\d{4}")) {
                throw ApiException.badRequest("compare.year.invalid", "年度须为四位数字：" + item,
                        "A year has four digits: " + item).atField("years");
            }
            years.add(Integer.parseInt(item));
        }
        return years;
    }

    /** The cell keys of either national format; an unknown key is refused, never silently dropped. */
    static List<CellDefinition> cells(List<String> keys) {
        List<CellDefinition> cells = new ArrayList<>();
        for (String key : keys) {
            cells.add(ReportLayout.of(ReportFormat.V2021).cell(key)
                    .or(() -> ReportLayout.of(ReportFormat.V2019).cell(key))
                    .orElseThrow(() -> ApiException.badRequest("compare.cell.unknown", "未知的单元格：" + key,
                            "Unknown cell key: " + key).atField("cells")));
        }
        return cells;
    }

    static byte[] html(Jurisdiction jurisdiction, List<CellDefinition> cells, List<Line> lines, String query) {
        String title = jurisdiction.nameZh() + " 年度报告数据对比";
        StringBuilder out = Html.page(title);
        out.append("<header><h1>").append(Html.escape(title)).append(" <span lang=\"en\">Compare reports</span></h1>")
                .append("<nav aria-label=\"位置 Breadcrumb\"><a href=\"/public/").append(jurisdiction.slug())
                .append("\">返回 <span lang=\"en\">Back</span></a></nav></header>\n<main id=\"main\">\n")
                .append("<form method=\"get\"><p><label>机关 <span lang=\"en\">agencies</span> ")
                .append("<input name=\"agencies\" value=\"").append(Html.escape(param(query, "agencies")))
                .append("\"></label> <label>单元格 <span lang=\"en\">cells</span> <input name=\"cells\" value=\"")
                .append(Html.escape(param(query, "cells"))).append("\"></label> <label>年度 <span lang=\"en\">")
                .append("years</span> <input name=\"years\" value=\"").append(Html.escape(param(query, "years")))
                .append("\"></label> <button>对比 Compare</button></p></form>\n");
        if (!lines.isEmpty() && !cells.isEmpty()) {
            out.append("<p class=\"downloads\"><a href=\"/public/").append(jurisdiction.slug()).append("/compare.csv?")
                    .append(Html.escape(query)).append("\" type=\"text/csv\">下载 CSV <span lang=\"en\">Download CSV")
                    .append("</span></a></p>\n<table>\n<caption>对比结果 <span lang=\"en\">Comparison</span></caption>\n")
                    .append("<thead><tr><th scope=\"col\">机关 <span lang=\"en\">Agency</span></th>")
                    .append("<th scope=\"col\">年度 <span lang=\"en\">Year</span></th>");
            for (CellDefinition cell : cells) {
                out.append("<th scope=\"col\" data-cell=\"").append(cell.key()).append("\">")
                        .append(Html.escape(cell.labelZh())).append("<br><code>").append(cell.key())
                        .append("</code></th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (Line line : lines) {
                out.append("<tr><th scope=\"row\">").append(Html.escape(line.agency().nameZh())).append("</th><td>")
                        .append(line.year()).append("</td>");
                for (CellDefinition cell : cells) {
                    out.append("<td class=\"num\" data-cell=\"").append(cell.key()).append("\">").append(line.revision()
                            .map(r -> Html.escape(Csv.cell(r.report(), cell.key())))
                            .orElse("<span class=\"none\">未发布</span>")).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        } else {
            out.append("<p>请选择机关、单元格和年度，例如 <code>?agencies=a,b&amp;cells=s3.received.total&amp;years=")
                    .append("2021,2022</code>。 <span lang=\"en\">Choose agencies, cell keys and years.</span></p>\n");
        }
        return out.append(Html.end()).toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(List<CellDefinition> cells, List<Line> lines) {
        List<String> header = new ArrayList<>(List.of("agency", "agency_name", "year", "published", "revision"));
        cells.forEach(c -> header.add(c.key()));
        Csv csv = new Csv().row(header);
        for (Line line : lines) {
            List<String> row = new ArrayList<>(List.of(line.agency().slug().value(), line.agency().nameZh(),
                    Integer.toString(line.year()), Boolean.toString(line.revision().isPresent()),
                    line.revision().map(r -> Integer.toString(r.number())).orElse("")));
            for (CellDefinition cell : cells) {
                row.add(line.revision().map(r -> Csv.cell(r.report(), cell.key())).orElse(""));
            }
            csv.row(row);
        }
        return csv.bytes();
    }

    private static String param(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
