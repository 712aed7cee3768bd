package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.revisions.PublishedRevision;
import dev.gongkai.publishing.revisions.RevisionSummary;
import dev.gongkai.report.render.HtmlRenderer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The public page of one published revision: the national layout exactly as {@link HtmlRenderer} draws it, inside
 * a shell with the way back, the publication facts (time, deadline, late, the agency's own-site URL or the flag
 * that it is missing), the downloads and the whole publication history with every correction's reason.
 */
final class ReportPage {

    private static final String SHELL_STYLE = """
            .portal{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;line-height:1.6}
            .portal table{border-collapse:collapse;width:100%}
            .portal th,.portal td{border:1px solid #999;padding:.2em .5em;text-align:left;text-indent:0}
            .portal [lang=en]{color:#444;font-size:.92em}
            .portal .late,.portal .flag{color:#a40000;font-weight:bold}.portal .ontime{color:#05620f}
            .portal dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}.portal dd{margin:0}
            .portal dt{font-weight:bold}
            .portal .notice{border:2px solid #a40000;padding:.5em 1em}
            .skip{position:absolute;left:-999em}.skip:focus{left:1em;top:1em;background:#fff;padding:.3em}
            @media print{.skip,.portal nav,.portal .downloads{display:none}}
            """;

    private ReportPage() {
    }

    /**
     * @param shown   the revision drawn on the page
     * @param current the number of the current revision (an older one is marked as superseded)
     */
    static byte[] render(Jurisdiction jurisdiction, Agency agency, PublishedRevision shown, int current,
                         List<RevisionSummary> history) {
        String document = HtmlRenderer.render(shown.report());
        String base = "/public/" + jurisdiction.slug() + "/" + agency.slug() + "/" + shown.year();
        StringBuilder top = new StringBuilder(4096);
        top.append("<a class=\"skip\" href=\"#s1\">跳到正文 <span lang=\"en\">Skip to content</span></a>\n")
                .append("<div class=\"portal\">\n<nav aria-label=\"位置 Breadcrumb\"><a href=\"/public/")
                .append(jurisdiction.slug()).append("\">").append(Html.escape(jurisdiction.nameZh()))
                .append(" 政府信息公开工作年度报告 <span lang=\"en\">Annual reports</span></a> › ")
                .append(Html.escape(agency.nameZh())).append(" › ").append(shown.year()).append("年</nav>\n");
        if (shown.number() != current) {
            top.append("<p class=\"notice\" role=\"note\">此为第").append(shown.number())
                    .append("版，已被更正。<a href=\"").append(base).append("\">查看现行版本（第").append(current)
                    .append("版）</a> <span lang=\"en\">This revision was corrected; see the current one.</span></p>\n");
        }
        RevisionSummary first = history.getFirst();
        top.append("<section aria-labelledby=\"publication-title\">\n<h2 id=\"publication-title\">发布信息 ")
                .append("<span lang=\"en\">Publication</span></h2>\n<dl>\n")
                .append("<dt>版本 <span lang=\"en\">Revision</span></dt><dd>第").append(shown.number()).append("版")
                .append(shown.correction() ? "（更正 <span lang=\"en\">correction</span>）" : "").append("</dd>\n")
                .append("<dt>发布时间 <span lang=\"en\">Published</span></dt><dd>").append(Html.time(shown.publishedAt()))
                .append(shown.imported() ? "（<span class=\"imported\">历史导入</span>，按报告落款日期 "
                        + "<span lang=\"en\">imported history, date as printed</span>）" : "")
                .append("</dd>\n<dt>法定期限 <span lang=\"en\">Legal deadline</span></dt><dd><time datetime=\"")
                .append(shown.deadline()).append("\">").append(shown.deadline()).append("</time> ")
                .append(first.late()
                        ? "<span class=\"late\">逾期发布 <span lang=\"en\">published late</span></span>"
                        : "<span class=\"ontime\">按时发布 <span lang=\"en\">published on time</span></span>")
                .append("</dd>\n<dt>本机关网站 <span lang=\"en\">On the agency's website</span></dt><dd>");
        if (shown.websiteUrl() != null) {
            top.append("<a href=\"").append(Html.escape(shown.websiteUrl())).append("\" rel=\"nofollow\">")
                    .append(Html.escape(shown.websiteUrl())).append("</a>");
        } else {
            top.append("<span class=\"flag\">未登记本机关网站“政府信息公开年报”栏目发布地址 ")
                    .append("<span lang=\"en\">not recorded</span></span>");
        }
        top.append("</dd>\n</dl>\n");
        if (shown.number() == current) {
            top.append("<p class=\"downloads\">下载 <span lang=\"en\">Download</span>: <a href=\"").append(base)
                    .append(".pdf\" type=\"application/pdf\">PDF</a> · <a href=\"").append(base)
                    .append(".json\" type=\"application/json\">JSON</a> · <a href=\"").append(base)
                    .append(".csv\" type=\"text/csv\">CSV</a></p>\n");
        }
        top.append("</section>\n</div>\n");

        StringBuilder bottom = new StringBuilder(2048);
        bottom.append("<div class=\"portal\">\n<section aria-labelledby=\"history-title\">\n<h2 id=\"history-title\">")
                .append("发布与更正记录 <span lang=\"en\">Publication history</span></h2>\n<table>\n")
                .append("<caption>本报告的全部发布版本 <span lang=\"en\">Every published revision</span></caption>\n")
                .append("<thead><tr><th scope=\"col\">版本 <span lang=\"en\">Revision</span></th>")
                .append("<th scope=\"col\">发布时间 <span lang=\"en\">Published</span></th>")
                .append("<th scope=\"col\">类型 <span lang=\"en\">Kind</span></th>")
                .append("<th scope=\"col\">更正原因 <span lang=\"en\">Reason</span></th></tr></thead>\n<tbody>\n");
        for (RevisionSummary revision : history) {
            bottom.append("<tr><th scope=\"row\"><a href=\"").append(base).append("/revisions/")
                    .append(revision.number()).append("\"")
                    .append(revision.number() == shown.number() ? " aria-current=\"page\"" : "").append(">第")
                    .append(revision.number()).append("版</a></th><td>").append(Html.time(revision.publishedAt()))
                    .append("</td><td>").append(revision.correction()
                            ? "更正 <span lang=\"en\">correction</span>"
                            : "首次发布 <span lang=\"en\">first publication</span>")
                    .append("</td><td>").append(Html.escape(revision.reason())).append("</td></tr>\n");
        }
        bottom.append("</tbody>\n</table>\n</section>\n</div>\n");

        String page = document
                .replace("</style>\n</head>", "</style>\n<style>\n" + SHELL_STYLE + "</style>\n</head>")
                .replace("<body>\n", "<body>\n" + top)
                .replace("</article>\n</body>", "</article>\n" + bottom + "</body>");
        return page.getBytes(StandardCharsets.UTF_8);
    }
}
