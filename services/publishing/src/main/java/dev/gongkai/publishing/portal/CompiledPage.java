package dev.gongkai.publishing.portal;

import dev.gongkai.contract.CompiledView;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.publishing.compiled.CompiledReport;
import dev.gongkai.publishing.compiled.CompiledRevision;
import dev.gongkai.publishing.revisions.RevisionSummary;
import dev.gongkai.report.render.HtmlRenderer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The public page of a jurisdiction's compiled report (本级, or 全市汇总 as the appendix of the government's own
 * report): the national layout as {@link HtmlRenderer} draws it, inside the shell of {@link ReportPage}, with what
 * was summed (agencies and the revision used, those missing, cells left blank and whose numbers they lack), the
 * downloads and the whole publication history with every correction's reason. The scope is named in the words of the
 * portal's bundle ({@code compiled.scope.*}), as the jurisdiction page names it.
 */
final class CompiledPage {

    private CompiledPage() {}

    static String base(Jurisdiction jurisdiction, int year, String scope) {
        return "/public/" + jurisdiction.slug() + "/compiled/" + year + "/" + scope;
    }

    static byte[] render(
            Jurisdiction jurisdiction,
            CompiledRevision shown,
            int current,
            List<CompiledView.Publication> history,
            String scopeWords,
            Lang lang) {
        String base = base(jurisdiction, shown.year(), shown.scope());
        String here = shown.number() == current ? base : base + "/revisions/" + shown.number();
        CompiledRevision.Facts facts = shown.facts();
        StringBuilder top = new StringBuilder(4096);
        ReportPage.top(top, lang, here, jurisdiction)
                .append(ReportPage.escape(scopeWords))
                .append(" › ")
                .append(shown.year())
                .append(lang.t("年", ""))
                .append("</nav>\n");
        ReportPage.superseded(top, base, shown.number(), current, lang);
        top.append("<section aria-labelledby=\"publication-title\">\n<h2 id=\"publication-title\">")
                .append(lang.t("发布信息", "Publication"))
                .append("</h2>\n<dl>\n")
                .append("<dt>")
                .append(lang.t("汇总范围", "Scope"))
                .append("</dt><dd>")
                .append(ReportPage.escape(scopeWords))
                .append(lang.t("；", "; "))
                .append(ReportPage.escape(String.join(lang.t("、", ", "), facts.jurisdictionsZh())))
                .append("</dd>\n")
                .append("<dt>")
                .append(lang.t("版本", "Revision"))
                .append("</dt><dd>")
                .append(lang.t("第" + shown.number() + "版", Integer.toString(shown.number())))
                .append(shown.correction() ? lang.t("（更正）", " (correction)") : "")
                .append("</dd>\n")
                .append("<dt>")
                .append(lang.t("发布时间", "Published"))
                .append("</dt><dd>")
                .append(ReportPage.time(shown.publishedAt()))
                .append("</dd>\n")
                .append("<dt>")
                .append(lang.t("已汇总", "Summed"))
                .append("</dt><dd>")
                .append(lang.t(
                        facts.included().size() + " 个机关：", facts.included().size() + " agencies: "))
                .append(ReportPage.escape(facts.included().stream()
                        .map(i -> i.nameZh() + lang.t("（第" + i.revision() + "版）", " (revision " + i.revision() + ")"))
                        .collect(Collectors.joining(lang.t("、", ", ")))))
                .append("</dd>\n")
                .append("<dt>")
                .append(lang.t("未纳入", "Not included"))
                .append("</dt><dd>")
                .append(
                        facts.missing().isEmpty()
                                ? lang.t("无", "none")
                                : lang.t(
                                        facts.missing().size() + " 个机关，见下表",
                                        facts.missing().size() + " agencies, listed below"))
                .append("</dd>\n</dl>\n");
        missing(top, facts.missing(), lang);
        if (!facts.complete()) {
            top.append("<p class=\"notice\" role=\"note\"><strong>")
                    .append(lang.t("汇总不完整", "Incomplete sum"))
                    .append("</strong>：")
                    .append(lang.t(
                            "有机关未纳入，或有机关未填写某些数字；这些单元格留空，不按 0 计算。",
                            "some agencies are not included or left numbers blank; those cells stay blank, never 0."))
                    .append("</p>\n");
        }
        if (shown.number() == current) {
            top.append("<p class=\"downloads\">")
                    .append(lang.t("下载：", "Download: "))
                    .append("<a href=\"")
                    .append(base)
                    .append(".pdf\" type=\"application/pdf\">PDF</a> · <a href=\"")
                    .append(base)
                    .append(".csv\" type=\"text/csv\">CSV</a></p>\n");
        }
        top.append("</section>\n</div>\n");

        String bottom = ReportPage.history(
                base,
                history.stream()
                        .map(r -> new RevisionSummary(
                                r.number(), r.publishedAt(), r.correction(), r.reason(), false, false, null))
                        .toList(),
                shown.number(),
                lang);

        return ReportPage.shell(HtmlRenderer.render(shown.report()), top, bottom, lang);
    }

    /** The agencies in scope that were not summed, where each is registered and why it was left out. */
    private static void missing(StringBuilder out, List<CompiledView.Missing> missing, Lang lang) {
        if (missing.isEmpty()) {
            return;
        }
        out.append("<table id=\"missing\">\n<caption>")
                .append(lang.t("未纳入汇总的机关", "Agencies not included"))
                .append("</caption>\n<thead><tr><th scope=\"col\">")
                .append(lang.t("机关", "Agency"))
                .append("</th><th scope=\"col\">")
                .append(lang.t("所在辖区", "Jurisdiction"))
                .append("</th><th scope=\"col\">")
                .append(lang.t("原因", "Reason"))
                .append("</th></tr></thead>\n<tbody>\n");
        for (CompiledView.Missing m : missing) {
            out.append("<tr><th scope=\"row\">")
                    .append(ReportPage.escape(m.nameZh()))
                    .append("</th><td>")
                    .append(ReportPage.escape(m.jurisdictionZh()))
                    .append("</td><td class=\"reason\">")
                    .append(ReportPage.escape(CompiledReport.reasonWords(m, lang.locale)))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
