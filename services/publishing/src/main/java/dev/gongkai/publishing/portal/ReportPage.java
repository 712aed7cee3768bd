package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.RevisionSummary;
import dev.gongkai.report.render.HtmlRenderer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The public page of one published revision: the national layout exactly as {@link HtmlRenderer} draws it (the
 * national form, in Chinese also on the English page), inside a shell in the reader's language with the way back,
 * the publication facts (time, deadline, late, the agency's own-site URL or the flag that it is missing), the
 * downloads, a link to compare it with other agencies and years, and the whole publication history with every
 * correction's reason. Printed, the page is the report: no navigation, table headers repeated, rows kept whole.
 * <p>
 * Unlike the portal's other pages this is not a template: the page is report-core's document, which is not ours to
 * change, with the shell spliced in, and it is rendered when {@link PublishedDocuments} (the document filter) first
 * needs it; a template here would put Spring's template engine and SpEL on the documents' path. {@link CompiledPage} shares the shell. Its escaping is this wrapper's own.
 */
final class ReportPage {

    private static final String SHELL_STYLE = """
            .portal{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;line-height:1.6}
            .portal table{border-collapse:collapse;width:100%}
            .portal th,.portal td{border:1px solid #999;padding:.2em .5em;text-align:left;text-indent:0}
            .portal .late,.portal .flag{color:#a40000;font-weight:bold}.portal .ontime{color:#05620f}
            .portal dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}.portal dd{margin:0}
            .portal dt{font-weight:bold}
            .portal .notice{border:2px solid #a40000;padding:.5em 1em}
            a:focus{outline:3px solid #f90}
            .skip{position:absolute;left:-999em}.skip:focus{left:1em;top:1em;background:#fff;padding:.3em}
            p.switch{float:right;margin:0}
            @media print{.skip,.switch,.portal nav,.portal .downloads,.portal .compare{display:none}\
            a{color:#000;text-decoration:none}table{break-inside:auto}tr,th,td{break-inside:avoid}\
            thead{display:table-header-group}h1,h2,caption{break-after:avoid}}
            """;

    private ReportPage() {}

    /** The wrapper's escaping: the pages are Thymeleaf templates, this wrapper is spliced into report-core's document. */
    /**
     * The top both report pages share: the skip link, the language switch, and the breadcrumb from the front door to
     * the jurisdiction, ready for the page's own last step.
     */
    static StringBuilder top(StringBuilder top, Lang lang, String here, Jurisdiction jurisdiction) {
        return top.append("<a class=\"skip\" href=\"#s1\">")
                .append(lang.t("跳到正文", "Skip to content"))
                .append("</a>\n")
                .append("<p class=\"switch\">")
                .append(switchTo(lang, here))
                .append("</p>\n")
                .append("<div class=\"portal\">\n<nav aria-label=\"")
                .append(lang.t("位置", "Breadcrumb"))
                .append("\"><a href=\"/")
                .append(lang.query())
                .append("\">")
                .append(lang.t("首页", "Home"))
                .append("</a> › <a href=\"")
                .append("/public/")
                .append(jurisdiction.slug())
                .append(lang.query())
                .append("\">")
                .append(escape(jurisdiction.nameZh()))
                .append("</a> › ");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + Html.dateTime(instant) + "</time>";
    }

    /** A link to the same page in the other language. */
    static String switchTo(Lang lang, String path) {
        return lang == Lang.EN
                ? "<a class=\"lang\" href=\"" + escape(lang.switchHref(path))
                        + "\" lang=\"zh-CN\" hreflang=\"zh-CN\">中文</a>"
                : "<a class=\"lang\" href=\"" + escape(lang.switchHref(path))
                        + "\" lang=\"en\" hreflang=\"en\">English</a>";
    }

    /**
     * @param shown   the revision drawn on the page
     * @param current the number of the current revision (an older one is marked as superseded)
     * @param compare the compare page with this agency and year picked (path and query)
     */
    static byte[] render(
            Jurisdiction jurisdiction,
            Agency agency,
            PublishedRevision shown,
            int current,
            List<RevisionSummary> history,
            String compare,
            Lang lang) {
        String document = HtmlRenderer.render(shown.report());
        String jurisdictionBase = "/public/" + jurisdiction.slug();
        String base = jurisdictionBase + "/" + agency.slug() + "/" + shown.year();
        String here = shown.number() == current ? base : base + "/revisions/" + shown.number();
        StringBuilder top = new StringBuilder(4096);
        top(top, lang, here, jurisdiction)
                .append(escape(agency.nameZh()))
                .append(" › ")
                .append(shown.year())
                .append(lang.t("年", ""))
                .append("</nav>\n");
        superseded(top, base, shown.number(), current, lang);
        // The current revision of a corrected report says so on top, with the reason, and leads to the one it replaced.
        RevisionSummary replaced = shown.number() == current && shown.correction()
                ? history.stream()
                        .filter(r -> r.number() < shown.number())
                        .reduce((a, b) -> b)
                        .orElse(null)
                : null;
        if (replaced != null) {
            top.append("<p class=\"notice\" role=\"note\" id=\"corrected\">")
                    .append(lang.t(
                            "本报告已于" + time(shown.publishedAt()) + "更正",
                            "This report was corrected on " + time(shown.publishedAt())))
                    .append(
                            shown.reason() == null
                                    ? ""
                                    : lang.t("，更正原因：", "; reason: ")
                                            + escape(shown.reason().strip().replaceAll("[。．.！!？?]+$", "")))
                    .append(lang.t("。", ". "))
                    .append("<a href=\"")
                    .append(base)
                    .append("/revisions/")
                    .append(replaced.number())
                    .append(lang.query())
                    .append("\">")
                    .append(lang.t(
                            "已更正，查看原版本（第" + replaced.number() + "版）",
                            "See the original (revision " + replaced.number() + ")"))
                    .append("</a></p>\n");
        }
        RevisionSummary first = history.getFirst();
        top.append("<section aria-labelledby=\"publication-title\">\n<h2 id=\"publication-title\">")
                .append(lang.t("发布信息", "Publication"))
                .append("</h2>\n<dl>\n")
                .append("<dt>")
                .append(lang.t("版本", "Revision"))
                .append("</dt><dd>")
                .append(lang.t("第" + shown.number() + "版", Integer.toString(shown.number())))
                .append(shown.correction() ? lang.t("（更正）", " (correction)") : "")
                .append("</dd>\n")
                .append("<dt>")
                .append(lang.t("发布时间", "Published"))
                .append("</dt><dd>")
                .append(time(shown.publishedAt()))
                .append(
                        shown.imported()
                                ? "<span class=\"imported\">"
                                        + lang.t("（历史导入，按报告落款日期）", " (imported history, the date the report bears)")
                                        + "</span>"
                                : "")
                .append("</dd>\n<dt>")
                .append(lang.t("法定期限", "Legal deadline"))
                .append("</dt><dd><time datetime=\"")
                .append(shown.deadline())
                .append("\">")
                .append(shown.deadline())
                .append("</time> ")
                .append(
                        first.late()
                                ? "<span class=\"late\">" + lang.t("逾期发布", "Published late") + "</span>"
                                : "<span class=\"ontime\">" + lang.t("按时发布", "Published on time") + "</span>")
                .append("</dd>\n<dt>")
                .append(lang.t("本机关网站", "On the agency's website"))
                .append("</dt><dd>");
        if (shown.websiteUrl() != null) {
            top.append("<a href=\"")
                    .append(escape(shown.websiteUrl()))
                    .append("\" rel=\"nofollow\">")
                    .append(escape(shown.websiteUrl()))
                    .append("</a>");
        } else {
            top.append("<span class=\"flag\">")
                    .append(lang.t("未登记本机关网站“政府信息公开年报”栏目的发布地址", "No address recorded on the agency's own website"))
                    .append("</span>");
        }
        top.append("</dd>\n</dl>\n");
        if (shown.number() == current) {
            top.append("<p class=\"downloads\">")
                    .append(lang.t("下载：", "Download: "))
                    .append("<a href=\"")
                    .append(base)
                    .append(".pdf\" type=\"application/pdf\">PDF</a> · <a href=\"")
                    .append(base)
                    .append(".json\" type=\"application/json\">JSON</a> · <a href=\"")
                    .append(base)
                    .append(".csv\" type=\"text/csv\">CSV</a></p>\n");
        }
        top.append("<p class=\"compare\"><a href=\"")
                .append(escape(compare + lang.and()))
                .append("\">")
                .append(lang.t("与其他机关、其他年度对比", "Compare with other agencies and years"))
                .append("</a></p>\n</section>\n</div>\n");

        String bottom = history(base, history, shown.number(), lang);

        return shell(document, top, bottom, lang);
    }

    /** The national layout inside the page shell: the shell's part above the report and below it. */
    static byte[] shell(String document, CharSequence top, String bottom, Lang lang) {
        String page = document.replace("<html lang=\"zh-CN\">", "<html lang=\"" + lang.tag + "\">")
                .replace("<article class=\"annual-report\"", "<article class=\"annual-report\" lang=\"zh-CN\"")
                .replace("</style>\n</head>", "</style>\n<style>\n" + SHELL_STYLE + "</style>\n</head>")
                .replace("<body>\n", "<body>\n" + top)
                .replace("</article>\n</body>", "</article>\n" + bottom + "</body>");
        return page.getBytes(StandardCharsets.UTF_8);
    }

    /** The notice on a revision that a correction replaced, with the way to the current one. */
    static void superseded(StringBuilder out, String base, int shown, int current, Lang lang) {
        if (shown != current) {
            out.append("<p class=\"notice\" role=\"note\">")
                    .append(lang.t("此为第" + shown + "版，已被更正。", "This is revision " + shown + "; it was corrected. "))
                    .append("<a href=\"")
                    .append(base)
                    .append(lang.query())
                    .append("\">")
                    .append(lang.t("查看现行版本（第" + current + "版）", "See the current revision (" + current + ")"))
                    .append("</a></p>\n");
        }
    }

    /** Every published revision, linked, with each correction's reason. */
    static String history(String base, List<RevisionSummary> history, int shown, Lang lang) {
        StringBuilder bottom = new StringBuilder(2048);
        bottom.append("<div class=\"portal\">\n<section aria-labelledby=\"history-title\">\n<h2 id=\"history-title\">")
                .append(lang.t("发布与更正记录", "Publication history"))
                .append("</h2>\n<table>\n<caption>")
                .append(lang.t("本报告的全部发布版本", "Every published revision"))
                .append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">")
                .append(lang.t("版本", "Revision"))
                .append("</th>")
                .append("<th scope=\"col\">")
                .append(lang.t("发布时间", "Published"))
                .append("</th>")
                .append("<th scope=\"col\">")
                .append(lang.t("类型", "Kind"))
                .append("</th>")
                .append("<th scope=\"col\">")
                .append(lang.t("更正原因", "Reason"))
                .append("</th></tr></thead>\n<tbody>\n");
        for (RevisionSummary revision : history) {
            bottom.append("<tr><th scope=\"row\"><a href=\"")
                    .append(base)
                    .append("/revisions/")
                    .append(revision.number())
                    .append(lang.query())
                    .append("\"")
                    .append(revision.number() == shown ? " aria-current=\"page\"" : "")
                    .append(">")
                    .append(lang.t("第" + revision.number() + "版", "Revision " + revision.number()))
                    .append("</a></th><td>")
                    .append(time(revision.publishedAt()))
                    .append("</td><td>")
                    .append(revision.correction() ? lang.t("更正", "Correction") : lang.t("首次发布", "First publication"))
                    .append("</td><td>")
                    .append(escape(revision.reason()))
                    .append("</td></tr>\n");
        }
        bottom.append("</tbody>\n</table>\n</section>\n</div>\n");
        return bottom.toString();
    }
}
