package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyStatus;
import dev.gongkai.platform.agency.Jurisdiction;
import org.jooq.DSLContext;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;

/**
 * The portal's front door ({@code /}): the jurisdictions as a tree, a search by agency name, every year on record and
 * the latest publications and corrections (with the way to all of them); and the search's answer, agencies grouped
 * under their parent (分局 under 公安局) with each published year.
 */
final class FrontDoor {

    static final int MAX_QUERY = 50;
    /** Publications and corrections the front door lists; the feed's page has the rest. */
    static final int LATEST = 10;

    /** What the front door is drawn from: the registry and the published years of each agency. */
    record Directory(List<Jurisdiction> jurisdictions, List<Agency> agencies, Map<String, TreeSet<Integer>> years) {

        static Directory read(PublicReports reports, DSLContext dsl) {
            Map<String, TreeSet<Integer>> years = new TreeMap<>();
            dsl.select(REPORT_STATE.AGENCY_SLUG, REPORT_STATE.YEAR).from(REPORT_STATE)
                    .where(REPORT_STATE.PUBLISHED_REVISION.isNotNull())
                    .forEach(r -> years.computeIfAbsent(r.value1(), k -> new TreeSet<>(Comparator.reverseOrder()))
                            .add(r.value2()));
            List<Agency> agencies = reports.allAgencies().stream().filter(a -> a.status() != AgencyStatus.ARCHIVED)
                    .toList();
            return new Directory(reports.jurisdictions(), agencies, years);
        }

        TreeSet<Integer> years(Agency agency) {
            return years.getOrDefault(agency.slug().value(), new TreeSet<>());
        }

        TreeSet<Integer> allYears() {
            TreeSet<Integer> all = new TreeSet<>(Comparator.reverseOrder());
            years.values().forEach(all::addAll);
            return all;
        }

        Jurisdiction jurisdictionOf(Agency agency) {
            return jurisdictions.stream().filter(j -> j.slug().equals(agency.jurisdiction())).findFirst()
                    .orElseThrow();
        }

        List<Agency> children(Agency parent) {
            return agencies.stream().filter(a -> parent.slug().equals(a.parent()))
                    .sorted(Comparator.comparing(Agency::nameZh)).toList();
        }
    }

    private FrontDoor() {
    }

    static byte[] render(Directory directory, List<AtomFeed.Item> latest, Lang lang) {
        String title = lang.t("政府信息公开工作年度报告", "Government information disclosure annual reports");
        StringBuilder out = Html.page(title, lang, "/");
        out.append("<header><h1>").append(Html.escape(title)).append("</h1></header>\n<main id=\"main\">\n");
        search(out, "", lang);
        out.append("<section aria-labelledby=\"jurisdictions-title\">\n<h2 id=\"jurisdictions-title\">")
                .append(lang.t("辖区", "Jurisdictions")).append("</h2>\n");
        List<Jurisdiction> roots = directory.jurisdictions().stream()
                .filter(j -> j.parent() == null || directory.jurisdictions().stream()
                        .noneMatch(p -> p.slug().equals(j.parent())))
                .sorted(Comparator.comparing(Jurisdiction::nameZh)).toList();
        out.append("<ul class=\"tree\" id=\"jurisdictions\">\n");
        for (Jurisdiction root : roots) {
            tree(out, directory, root, lang);
        }
        out.append("</ul>\n</section>\n<section aria-labelledby=\"years-title\">\n<h2 id=\"years-title\">")
                .append(lang.t("已有报告的年度", "Years on record")).append("</h2>\n<p id=\"years\">");
        TreeSet<Integer> years = directory.allYears();
        if (years.isEmpty()) {
            out.append(lang.t("尚无已发布的报告。", "No report has been published yet."));
        }
        out.append(years.stream().map(y -> "<span data-year=\"" + y + "\">" + y + lang.t("年", "") + "</span>")
                .collect(Collectors.joining(" · ")));
        out.append("</p>\n</section>\n<section aria-labelledby=\"latest-title\">\n<h2 id=\"latest-title\">")
                .append(lang.t("最新发布与更正", "Latest publications and corrections")).append("</h2>\n");
        AtomFeed.list(out, true, latest.subList(0, Math.min(LATEST, latest.size())), lang);
        out.append("<p><a id=\"feed\" href=\"/public/feed").append(lang.query()).append("\">")
                .append(lang.t("全部发布与更正记录", "All publications and corrections")).append("</a> · <a href=\"")
                .append("/public/feed.atom\" type=\"application/atom+xml\">").append(lang.t("订阅（Atom 格式）",
                        "Subscribe (Atom)")).append("</a></p>\n</section>\n").append(Html.end());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void tree(StringBuilder out, Directory directory, Jurisdiction jurisdiction, Lang lang) {
        long agencies = directory.agencies().stream().filter(a -> a.jurisdiction().equals(jurisdiction.slug())).count();
        out.append("<li data-jurisdiction=\"").append(jurisdiction.slug()).append("\"><a href=\"/public/")
                .append(jurisdiction.slug()).append(lang.query()).append("\">").append(Html.escape(jurisdiction.nameZh()))
                .append("</a> <span class=\"muted\">").append(lang.t(agencies + " 个机关", agencies + " agencies"))
                .append("</span>");
        List<Jurisdiction> below = directory.jurisdictions().stream().filter(j -> jurisdiction.slug().equals(j.parent()))
                .sorted(Comparator.comparing(Jurisdiction::nameZh)).toList();
        if (!below.isEmpty()) {
            out.append("\n<ul>\n");
            below.forEach(j -> tree(out, directory, j, lang));
            out.append("</ul>\n");
        }
        out.append("</li>\n");
    }

    private static void search(StringBuilder out, String query, Lang lang) {
        out.append("<form class=\"search\" role=\"search\" method=\"get\" action=\"/public/search\">\n<label for=\"q\">")
                .append(lang.t("按机关名称查找", "Find an agency by name")).append("</label>\n")
                .append("<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"").append(MAX_QUERY).append("\" value=\"")
                .append(Html.escape(query)).append("\">\n");
        if (lang == Lang.EN) {
            out.append("<input type=\"hidden\" name=\"lang\" value=\"en\">\n");
        }
        out.append("<button type=\"submit\">").append(lang.t("查找", "Search")).append("</button>\n</form>\n");
    }

    /**
     * Agencies whose name holds the query, each under its parent: a match with a parent is shown under it, a match
     * with branches lists them.
     */
    static byte[] results(Directory directory, String query, Lang lang) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        String wanted = q.toLowerCase(Locale.ROOT);
        String title = lang.t("查找机关：", "Find an agency: ") + q;
        StringBuilder out = Html.page(title, lang, "/public/search?q=" + java.net.URLEncoder.encode(q,
                StandardCharsets.UTF_8));
        out.append("<nav class=\"crumbs\"><a href=\"/").append(lang.query()).append("\">")
                .append(lang.t("首页", "Home")).append("</a></nav>\n<header><h1>").append(Html.escape(title))
                .append("</h1></header>\n<main id=\"main\">\n");
        search(out, q, lang);
        List<Agency> matches = wanted.isEmpty() ? List.of() : directory.agencies().stream()
                .filter(a -> a.nameZh().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        // Group: each match appears once, under its parent when the parent is registered too.
        Map<String, Agency> tops = new TreeMap<>();
        for (Agency match : matches) {
            Agency top = match.parent() == null ? match : directory.agencies().stream()
                    .filter(a -> a.slug().equals(match.parent())).findFirst().orElse(match);
            tops.put(top.nameZh() + "|" + top.slug(), top);
        }
        out.append("<p id=\"result-count\">").append(lang.t("找到 " + matches.size() + " 个机关",
                matches.size() + (matches.size() == 1 ? " agency found" : " agencies found"))).append("</p>\n");
        out.append("<ul class=\"tree\" id=\"results\">\n");
        for (Agency top : tops.values()) {
            List<Agency> children = new ArrayList<>(directory.children(top));
            out.append("<li>");
            agency(out, directory, top, lang);
            if (!children.isEmpty()) {
                out.append("\n<ul>\n");
                for (Agency child : children) {
                    out.append("<li>");
                    agency(out, directory, child, lang);
                    out.append("</li>\n");
                }
                out.append("</ul>\n");
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n").append(Html.end());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void agency(StringBuilder out, Directory directory, Agency agency, Lang lang) {
        Jurisdiction where = directory.jurisdictionOf(agency);
        String base = "/public/" + where.slug();
        out.append("<span data-agency=\"").append(agency.slug()).append("\"><strong>").append(Html.escape(agency.nameZh()))
                .append("</strong> <a class=\"muted\" href=\"").append(base).append(lang.query()).append("\">")
                .append(Html.escape(where.nameZh())).append("</a> ");
        TreeSet<Integer> years = directory.years(agency);
        if (years.isEmpty()) {
            out.append("<span class=\"none\">").append(lang.t("尚未发布年度报告", "no report published yet"))
                    .append("</span>");
        }
        out.append(years.stream().map(y -> "<a href=\"" + base + "/" + agency.slug() + "/" + y + lang.query() + "\">"
                + y + lang.t("年", "") + "</a>").collect(Collectors.joining(" · ")));
        out.append("</span>");
    }
}
