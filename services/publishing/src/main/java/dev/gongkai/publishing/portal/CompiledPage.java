package dev.gongkai.publishing.portal;

import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.compiled.CompiledReport;
import dev.gongkai.publishing.compiled.CompiledRevision;
import dev.gongkai.report.render.HtmlRenderer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public page of a jurisdiction's compiled report (本级, or 全市汇总 as the appendix of the government's own
 * report): the national layout as {@link HtmlRenderer} draws it, inside the shell of {@link ReportPage}, with what
 * was summed (agencies and the revision used, those missing, cells left blank and whose numbers they lack), the
 * downloads and the whole publication history with every correction's reason.
 */
final class CompiledPage {

    private CompiledPage() {
    }

    static String base(Jurisdiction jurisdiction, int year, String scope) {
        return "/public/" + jurisdiction.slug() + "/compiled/" + year + "/" + scope;
    }

    static String scopeWords(String scope, Lang lang) {
        return "city".equals(scope) ? lang.t("全市汇总（政府年度报告附件）", "City-wide sum (appendix to the government's report)")
                : lang.t("本级政府年度报告", "The government's own report");
    }

    /** The links on the jurisdiction's page: each year's current compiled reports, newest year first. */
    static String links(Jurisdiction jurisdiction, Map<Integer, List<String>> scopesByYear, Lang lang) {
        if (scopesByYear.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section aria-labelledby=\"compiled-title\" id=\"compiled\">\n")
                .append("<h2 id=\"compiled-title\">").append(lang.t("政府汇总报告", "The government's compiled reports"))
                .append("</h2>\n<ul>\n");
        scopesByYear.forEach((year, scopes) -> scopes.forEach(scope -> out.append("<li><a href=\"")
                .append(base(jurisdiction, year, scope)).append(lang.query()).append("\">").append(year)
                .append(lang.t("年", "")).append(' ').append(scopeWords(scope, lang)).append("</a></li>\n")));
        return out.append("</ul>\n</section>\n").toString();
    }

    static byte[] render(Jurisdiction jurisdiction, CompiledRevision shown, int current,
                         List<CompiledRevision.Summary> history, Lang lang) {
        String jurisdictionBase = "/public/" + jurisdiction.slug();
        String base = base(jurisdiction, shown.year(), shown.scope());
        String here = shown.number() == current ? base : base + "/revisions/" + shown.number();
        CompiledRevision.Facts facts = shown.facts();
        StringBuilder top = new StringBuilder(4096);
        top.append("<a class=\"skip\" href=\"#s1\">").append(lang.t("跳到正文", "Skip to content")).append("</a>\n")
                .append("<p class=\"switch\">").append(lang.switchTo(here)).append("</p>\n")
                .append("<div class=\"portal\">\n<nav aria-label=\"").append(lang.t("位置", "Breadcrumb"))
                .append("\"><a href=\"/").append(lang.query()).append("\">").append(lang.t("首页", "Home"))
                .append("</a> › <a href=\"").append(jurisdictionBase).append(lang.query()).append("\">")
                .append(Html.escape(jurisdiction.nameZh())).append("</a> › ").append(scopeWords(shown.scope(), lang))
                .append(" › ").append(shown.year()).append(lang.t("年", "")).append("</nav>\n");
        if (shown.number() != current) {
            top.append("<p class=\"notice\" role=\"note\">")
                    .append(lang.t("此为第" + shown.number() + "版，已被更正。", "This is revision " + shown.number()
                            + "; it was corrected. "))
                    .append("<a href=\"").append(base).append(lang.query()).append("\">")
                    .append(lang.t("查看现行版本（第" + current + "版）", "See the current revision (" + current + ")"))
                    .append("</a></p>\n");
        }
        top.append("<section aria-labelledby=\"publication-title\">\n<h2 id=\"publication-title\">")
                .append(lang.t("发布信息", "Publication")).append("</h2>\n<dl>\n")
                .append("<dt>").append(lang.t("汇总范围", "Scope")).append("</dt><dd>")
                .append(scopeWords(shown.scope(), lang)).append("；")
                .append(Html.escape(String.join("、", facts.jurisdictionsZh()))).append("</dd>\n")
                .append("<dt>").append(lang.t("版本", "Revision")).append("</dt><dd>")
                .append(lang.t("第" + shown.number() + "版", Integer.toString(shown.number())))
                .append(shown.correction() ? lang.t("（更正）", " (correction)") : "").append("</dd>\n")
                .append("<dt>").append(lang.t("发布时间", "Published")).append("</dt><dd>")
                .append(Html.time(shown.publishedAt())).append("</dd>\n")
                .append("<dt>").append(lang.t("已汇总", "Summed")).append("</dt><dd>")
                .append(lang.t(facts.included().size() + " 个机关：", facts.included().size() + " agencies: "))
                .append(Html.escape(facts.included().stream().map(i -> i.nameZh() + "（第" + i.revision() + "版）")
                        .collect(Collectors.joining("、")))).append("</dd>\n")
                .append("<dt>").append(lang.t("未纳入", "Not included")).append("</dt><dd>");
        if (facts.missing().isEmpty()) {
            top.append(lang.t("无", "none"));
        } else {
            top.append(lang.t(facts.missing().size() + " 个机关：", facts.missing().size() + " agencies: "))
                    .append(Html.escape(facts.missing().stream().map(CompiledPage::missing)
                            .collect(Collectors.joining("、"))));
        }
        top.append("</dd>\n</dl>\n");
        if (!facts.complete()) {
            top.append("<p class=\"notice\" role=\"note\"><strong>").append(lang.t("汇总不完整", "Incomplete sum"))
                    .append("</strong>：").append(lang.t("有机关未纳入，或有机关未填写某些数字；这些单元格留空，不按 0 计算。",
                            "some agencies are not included or left numbers blank; those cells stay blank, never 0."))
                    .append("</p>\n");
        }
        if (shown.number() == current) {
            top.append("<p class=\"downloads\">").append(lang.t("下载：", "Download: ")).append("<a href=\"")
                    .append(base).append(".pdf\" type=\"application/pdf\">PDF</a> · <a href=\"").append(base)
                    .append(".csv\" type=\"text/csv\">CSV</a></p>\n");
        }
        top.append("</section>\n</div>\n");

        StringBuilder bottom = new StringBuilder(2048);
        bottom.append("<div class=\"portal\">\n<section aria-labelledby=\"history-title\">\n<h2 id=\"history-title\">")
                .append(lang.t("发布与更正记录", "Publication history")).append("</h2>\n<table>\n<caption>")
                .append(lang.t("本报告的全部发布版本", "Every published revision")).append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">").append(lang.t("版本", "Revision")).append("</th>")
                .append("<th scope=\"col\">").append(lang.t("发布时间", "Published")).append("</th>")
                .append("<th scope=\"col\">").append(lang.t("类型", "Kind")).append("</th>")
                .append("<th scope=\"col\">").append(lang.t("更正原因", "Reason")).append("</th></tr></thead>\n<tbody>\n");
        for (CompiledRevision.Summary revision : history) {
            bottom.append("<tr><th scope=\"row\"><a href=\"").append(base).append("/revisions/")
                    .append(revision.number()).append(lang.query()).append("\"")
                    .append(revision.number() == shown.number() ? " aria-current=\"page\"" : "").append(">")
                    .append(lang.t("第" + revision.number() + "版", "Revision " + revision.number()))
                    .append("</a></th><td>").append(Html.time(revision.publishedAt())).append("</td><td>")
                    .append(revision.correction() ? lang.t("更正", "Correction") : lang.t("首次发布", "First publication"))
                    .append("</td><td>").append(Html.escape(revision.reason())).append("</td></tr>\n");
        }
        bottom.append("</tbody>\n</table>\n</section>\n</div>\n");

        String page = HtmlRenderer.render(shown.report())
                .replace("<html lang=\"zh-CN\">", "<html lang=\"" + lang.tag + "\">")
                .replace("<article class=\"annual-report\"", "<article class=\"annual-report\" lang=\"zh-CN\"")
                .replace("</style>\n</head>", "</style>\n<style>\n" + ReportPage.SHELL_STYLE + "</style>\n</head>")
                .replace("<body>\n", "<body>\n" + top)
                .replace("</article>\n</body>", "</article>\n" + bottom + "</body>");
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String missing(CompiledReport.Missing m) {
        return m.nameZh() + ("format".equals(m.reason()) ? "（格式不同）" : "（未发布）");
    }
}
