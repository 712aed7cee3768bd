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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The jurisdiction's page: every agency, grouped under its parent (a 分局 under its 公安局, also when the branch is
 * registered in a district below), and for every year on record published on time, late, or not at all.
 */
final class JurisdictionPage {

    /**
     * @param branchesElsewhere agencies of other jurisdictions whose parent is registered here, listed under it
     * @param jurisdictionNames every jurisdiction's name, for those branches
     * @param compiled          the links to the government's published compiled reports (may be empty)
     */
    static byte[] render(Jurisdiction jurisdiction, List<Agency> agencies, List<ReportState> states, LocalDate today,
                         List<Agency> branchesElsewhere, Map<String, String> jurisdictionNames, String compiled,
                         Lang lang) {
        Map<String, ReportState> byAgencyYear = new HashMap<>();
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(today.getYear() - 1);
        for (ReportState state : states) {
            byAgencyYear.put(state.agency() + "/" + state.year(), state);
            if (state.published()) {
                years.add(state.year());
            }
        }
        List<Integer> shown = List.copyOf(years);
        String title = jurisdiction.nameZh() + lang.t(" 政府信息公开工作年度报告", ": government information disclosure annual reports");
        String base = "/public/" + jurisdiction.slug();
        StringBuilder out = Html.page(title, lang, base);
        out.append("<nav class=\"crumbs\"><a href=\"/").append(lang.query()).append("\">").append(lang.t("首页", "Home"))
                .append("</a>");
        if (jurisdiction.parent() != null && jurisdictionNames.containsKey(jurisdiction.parent().value())) {
            out.append(" › <a href=\"/public/").append(jurisdiction.parent()).append(lang.query()).append("\">")
                    .append(Html.escape(jurisdictionNames.get(jurisdiction.parent().value()))).append("</a>");
        }
        out.append("</nav>\n<header><h1>").append(Html.escape(title)).append("</h1>\n<nav aria-label=\"")
                .append(lang.t("开放数据", "Open data")).append("\"><p>")
                .append("<a href=\"").append(base).append("/feed").append(lang.query()).append("\">")
                .append(lang.t("发布与更正", "Publications and corrections")).append("</a> (<a href=\"").append(base)
                .append("/feed.atom\" type=\"application/atom+xml\">Atom</a>)");
        for (int year : shown) {
            out.append(" · <a href=\"").append(base).append('/').append(year).append("/bulk.zip").append(lang.query())
                    .append("\">")
                    .append(lang.t(year + "年全部报告数据", "All " + year + " reports (zip)")).append("</a>");
        }
        out.append(" · <a href=\"").append(base).append("/compare").append(lang.query()).append("\">")
                .append(lang.t("数据对比", "Compare")).append("</a>")
                .append("</p></nav>\n</header>\n<main id=\"main\">\n").append(compiled).append("<table>\n<caption>")
                .append(lang.t("各机关年度报告发布情况", "Publication by agency and year")).append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">").append(lang.t("机关", "Agency")).append("</th>");
        for (int year : shown) {
            out.append("<th scope=\"col\">").append(year).append(lang.t("年", "")).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        Set<String> here = agencies.stream().map(a -> a.slug().value()).collect(Collectors.toSet());
        Comparator<Agency> order = Comparator.comparing((Agency a) -> a.kind() != AgencyKind.DISCLOSURE_OFFICE)
                .thenComparing(Agency::nameZh);
        List<Agency> tops = agencies.stream().filter(a -> a.parent() == null || !here.contains(a.parent().value()))
                .sorted(order).toList();
        for (Agency top : tops) {
            row(out, top, false, shown, byAgencyYear, today, base, lang);
            List<Agency> children = agencies.stream().filter(a -> top.slug().equals(a.parent())).sorted(order).toList();
            for (Agency child : children) {
                row(out, child, true, shown, byAgencyYear, today, base, lang);
            }
            for (Agency branch : branchesElsewhere.stream().filter(a -> top.slug().equals(a.parent()))
                    .sorted(order).toList()) {
                String where = jurisdictionNames.getOrDefault(branch.jurisdiction().value(), branch.jurisdiction().value());
                out.append("<tr class=\"child\" data-agency=\"").append(branch.slug()).append("\"><th scope=\"row\">")
                        .append("<span aria-hidden=\"true\">└ </span>").append(Html.escape(branch.nameZh()))
                        .append("</th><td colspan=\"").append(shown.size()).append("\"><a href=\"/public/")
                        .append(branch.jurisdiction()).append(lang.query()).append("\">")
                        .append(lang.t("在" + where + "发布", "published under " + where)).append("</a></td></tr>\n");
            }
        }
        out.append("</tbody>\n</table>\n").append(Html.end());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, Agency agency, boolean child, List<Integer> shown,
                            Map<String, ReportState> byAgencyYear, LocalDate today, String base, Lang lang) {
        out.append("<tr").append(child ? " class=\"child\"" : "").append(" data-agency=\"").append(agency.slug())
                .append("\" id=\"").append(agency.slug()).append("\"><th scope=\"row\">")
                .append(child ? "<span aria-hidden=\"true\">└ </span>" : "").append(Html.escape(agency.nameZh()))
                .append("</th>");
        for (int year : shown) {
            ReportState state = byAgencyYear.get(agency.slug() + "/" + year);
            out.append("<td>");
            if (state != null && state.published()) {
                out.append("<a href=\"").append(base).append('/').append(agency.slug()).append('/').append(year)
                        .append("\">").append(state.late()
                                ? "<span class=\"late\">" + lang.t("逾期发布", "Published late") + "</span>"
                                : "<span class=\"ontime\">" + lang.t("按时发布", "Published on time") + "</span>")
                        .append("</a>");
                if (state.corrections() > 0) {
                    out.append(" · ").append(lang.t("更正" + state.corrections() + "次",
                            "corrected " + state.corrections() + "×"));
                }
                if (state.websiteUrl() == null) {
                    out.append("<br><span class=\"flag\">").append(lang.t("未登记本机关网站地址",
                            "No address on the agency's own site")).append("</span>");
                }
            } else {
                boolean overdue = today.isAfter(Deadlines.of(agency, year));
                out.append(overdue
                        ? "<span class=\"late\">" + lang.t("未发布（已过期限）", "Not published (past the deadline)") + "</span>"
                        : "<span class=\"none\">" + lang.t("未发布", "Not published") + "</span>");
            }
            out.append("</td>");
        }
        out.append("</tr>\n");
    }

    private JurisdictionPage() {
    }
}
