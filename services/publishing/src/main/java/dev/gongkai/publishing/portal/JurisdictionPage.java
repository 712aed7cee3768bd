package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.revisions.Deadlines;
import dev.gongkai.publishing.revisions.ReportState;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The jurisdiction's front page: every agency, and for each recent year published on time, late, or not at all. */
final class JurisdictionPage {

    static final int YEARS_SHOWN = 6;

    private JurisdictionPage() {
    }

    static byte[] render(Jurisdiction jurisdiction, List<Agency> agencies, List<ReportState> states, LocalDate today) {
        Map<String, ReportState> byAgencyYear = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(today.getYear() - 1);
        for (ReportState state : states) {
            byAgencyYear.put(state.agency() + "/" + state.year(), state);
            if (state.published()) {
                years.add(state.year());
            }
        }
        List<Integer> shown = years.stream().limit(YEARS_SHOWN).toList();
        String title = jurisdiction.nameZh() + " 政府信息公开工作年度报告";
        String base = "/public/" + jurisdiction.slug();
        StringBuilder out = Html.page(title);
        out.append("<header><h1>").append(Html.escape(title)).append(" <span lang=\"en\">Government information ")
                .append("disclosure annual reports</span></h1>\n<nav aria-label=\"开放数据 Open data\"><p>")
                .append("<a href=\"").append(base).append("/feed.atom\" type=\"application/atom+xml\">发布与更正订阅 ")
                .append("<span lang=\"en\">Atom feed</span></a>");
        for (int year : shown) {
            out.append(" · <a href=\"").append(base).append('/').append(year).append("/bulk.zip\">").append(year)
                    .append("年全部报告数据 <span lang=\"en\">bulk download</span></a>");
        }
        out.append(" · <a href=\"").append(base).append("/compare\">对比 <span lang=\"en\">Compare</span></a>")
                .append("</p></nav>\n</header>\n<main id=\"main\">\n<table>\n<caption>各机关年度报告发布情况 ")
                .append("<span lang=\"en\">Publication by agency and year</span></caption>\n<thead><tr>")
                .append("<th scope=\"col\">机关 <span lang=\"en\">Agency</span></th>");
        for (int year : shown) {
            out.append("<th scope=\"col\">").append(year).append("年</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        List<Agency> sorted = agencies.stream()
                .sorted(Comparator.comparing((Agency a) -> a.kind() != AgencyKind.DISCLOSURE_OFFICE)
                        .thenComparing(Agency::nameZh)).toList();
        for (Agency agency : sorted) {
            out.append("<tr><th scope=\"row\">").append(Html.escape(agency.nameZh())).append("</th>");
            for (int year : shown) {
                ReportState state = byAgencyYear.get(agency.slug() + "/" + year);
                out.append("<td>");
                if (state != null && state.published()) {
                    out.append("<a href=\"").append(base).append('/').append(agency.slug()).append('/').append(year)
                            .append("\">").append(state.late()
                                    ? "<span class=\"late\">逾期发布</span> <span lang=\"en\">late</span>"
                                    : "<span class=\"ontime\">按时发布</span> <span lang=\"en\">on time</span>")
                            .append("</a>");
                    if (state.corrections() > 0) {
                        out.append(" · 更正").append(state.corrections()).append("次");
                    }
                    if (state.websiteUrl() == null) {
                        out.append("<br><span class=\"flag\">未登记网站地址</span> <span lang=\"en\">no website URL</span>");
                    }
                } else {
                    boolean overdue = today.isAfter(Deadlines.of(agency, year));
                    out.append(overdue
                            ? "<span class=\"late\">未发布（已逾期）</span> <span lang=\"en\">not published, overdue</span>"
                            : "<span class=\"none\">未发布</span> <span lang=\"en\">not published</span>");
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n").append(Html.end());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
