package dev.gongkai.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    @Test
    void titlesTheReportAsTheNationalFormatDoes() {
        Document page = Jsoup.parse(HtmlRenderer.render(SeedReport.report()));

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.title()).isEqualTo("乌海市公安局2021年政府信息公开工作年度报告");
        assertThat(page.select("h1").text()).isEqualTo("乌海市公安局2021年政府信息公开工作年度报告");
        assertThat(page.select("h2").eachText())
                .containsExactly(
                        List.of(Section.values()).stream().map(Section::titleZh).toArray(String[]::new));
        assertThat(page.select("footer.signature p").eachText()).containsExactly("乌海市公安局", "2022年01月19日");
        assertThat(page.select("style")).hasSize(1);
        assertThat(page.select("script, link, img")).isEmpty();
    }

    @Test
    void writesEachNarrativeLineAsAParagraph() {
        AnnualReport seed = SeedReport.report();
        Document page = Jsoup.parse(HtmlRenderer.render(seed));

        assertThat(page.select("#s1 p").eachText())
                .isEqualTo(seed.narrative(Section.S1).lines().toList());
        assertThat(page.select("#s6 p").eachText()).containsExactly("(无)");
    }

    @Test
    void marksEveryValueCellWithItsKeyAndDrawsBlanksEmpty() {
        AnnualReport report = SeedReport.report().toBuilder()
                .blank("s3.granted.total")
                .cell("s2.fees.amount", CellValue.of(new java.math.BigDecimal("1.250000")))
                .build();
        Document page = Jsoup.parse(HtmlRenderer.render(report));

        Elements cells = page.select("td[data-cell]");
        assertThat(cells.eachAttr("data-cell"))
                .containsExactlyInAnyOrderElementsOf(ReportLayout.of(ReportFormat.V2021).cells().stream()
                        .map(c -> c.key())
                        .toList());
        Element blank = page.selectFirst("td[data-cell=s3.granted.total]");
        assertThat(blank.text()).isEmpty();
        assertThat(blank.attr("data-state")).isEqualTo("blank");
        assertThat(page.selectFirst("td[data-cell=s2.normativeDocuments.inForce]")
                        .text())
                .isEqualTo("21");
        assertThat(page.selectFirst("td[data-cell=s2.fees.amount]").text()).isEqualTo("1.250000");
    }

    @Test
    void describesEveryValueCellByHeadersThatExist() {
        for (ReportFormat format : ReportFormat.values()) {
            Document page = Jsoup.parse(HtmlRenderer.render(FullReports.zeroes(format)));
            Set<String> ids = new HashSet<>(page.select("[id]").eachAttr("id"));
            assertThat(ids).hasSize(page.select("[id]").size());
            for (Element cell : page.select("td[data-cell]")) {
                assertThat(cell.attr("headers")).as(cell.attr("data-cell")).isNotBlank();
                for (String id : cell.attr("headers").split(" ")) {
                    assertThat(ids).as(cell.attr("data-cell")).contains(id);
                    assertThat(page.getElementById(id).tagName()).isEqualTo("th");
                }
            }
            assertThat(page.select("th"))
                    .allSatisfy(th -> assertThat(th.attr("scope")).isNotEmpty());
            assertThat(page.select("table caption")).hasSize(3);
        }
    }

    @Test
    void drawsTableThreeWithTheTemplatesSpans() {
        Document page = Jsoup.parse(HtmlRenderer.render(SeedReport.report()));
        Element table = page.selectFirst("#s3-table");

        Elements head = table.select("thead tr");
        assertThat(head).hasSize(3);
        assertThat(head.get(0).child(0).attr("rowspan")).isEqualTo("3");
        assertThat(head.get(0).child(0).attr("colspan")).isEqualTo("3");
        assertThat(head.get(0).child(1).text()).isEqualTo("申请人情况");
        assertThat(head.get(0).child(1).attr("colspan")).isEqualTo("7");
        assertThat(head.get(1).children().eachText()).containsExactly("自然人", "法人或其他组织", "总计");
        assertThat(head.get(1).child(0).attr("rowspan")).isEqualTo("2");
        assertThat(head.get(1).child(1).attr("colspan")).isEqualTo("5");
        assertThat(head.get(2).children().eachText()).containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");

        Element results = table.selectFirst("th:containsOwn(三、本年度办理结果)");
        assertThat(results.attr("rowspan")).isEqualTo("22");
        assertThat(results.hasClass("vertical")).isTrue();
        assertThat(table.selectFirst("th:containsOwn((三)不予公开)").attr("rowspan")).isEqualTo("8");
        assertThat(table.selectFirst("th:containsOwn((六)其他处理)").attr("rowspan")).isEqualTo("3");
        assertThat(table.selectFirst("th:containsOwn(一、本年新收)").attr("colspan")).isEqualTo("3");
        assertThat(table.selectFirst("th:containsOwn((一)予以公开)").attr("colspan")).isEqualTo("2");
        assertThat(table.select("tbody tr")).hasSize(25);
        assertThat(table.select("tbody tr"))
                .allSatisfy(tr -> assertThat(width(tr)).isIn(10, 9, 8));

        Element granted = table.selectFirst("td[data-cell=s3.denied.stateSecret.commercial]");
        assertThat(granted.attr("headers").split(" "))
                .containsExactly(
                        "s3-colgroup-0-0",
                        "s3-colgroup-1-1",
                        "s3-col-1",
                        "s3-rowgroup-granted-0",
                        "s3-rowgroup-denied-stateSecret-1",
                        "s3-denied-stateSecret");
    }

    @Test
    void drawsTableThreeOfThe2019FormatWithItsSingleOtherHandlingRow() {
        Document page = Jsoup.parse(HtmlRenderer.render(FullReports.zeroes(ReportFormat.V2019)));

        assertThat(page.selectFirst("#s3-table th:containsOwn(三、本年度办理结果)").attr("rowspan"))
                .isEqualTo("20");
        assertThat(page.selectFirst("#s3-table th:containsOwn((六)其他处理)").attr("colspan"))
                .isEqualTo("2");
        assertThat(page.select("#s2v2019-table td[data-cell]")).hasSize(22);
    }

    @Test
    void drawsTableFourWithReviewAndLitigationGroups() {
        Document page = Jsoup.parse(HtmlRenderer.render(SeedReport.report()));
        Element table = page.selectFirst("#s4-table");

        Elements head = table.select("thead tr");
        assertThat(head).hasSize(3);
        assertThat(head.get(0).children().eachText()).containsExactly("行政复议", "行政诉讼");
        assertThat(head.get(0).child(0).attr("rowspan")).isEqualTo("2");
        assertThat(head.get(0).child(0).attr("colspan")).isEqualTo("5");
        assertThat(head.get(0).child(1).attr("colspan")).isEqualTo("10");
        assertThat(head.get(1).children().eachText()).containsExactly("未经复议直接起诉", "复议后起诉");
        assertThat(head.get(2).children()).hasSize(15);
        assertThat(head.get(2).children().eachText().subList(0, 5))
                .containsExactly("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
        assertThat(table.select("tbody td[data-cell]")).hasSize(15);
    }

    @Test
    void drawsTableTwoInBlocksPerArticleTwentyItem() {
        Document page = Jsoup.parse(HtmlRenderer.render(SeedReport.report()));
        Elements rows = page.select("#s2-table tr");

        assertThat(rows.get(0).text()).isEqualTo("第二十条第(一)项");
        assertThat(rows.get(0).child(0).attr("colspan")).isEqualTo("4");
        assertThat(rows.get(1).children().eachText()).containsExactly("信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
        assertThat(rows.get(2).children().eachText()).containsExactly("规章", "0", "0", "0");
        assertThat(rows.get(4).text()).isEqualTo("第二十条第(五)项");
        assertThat(rows.get(5).child(1).attr("colspan")).isEqualTo("3");
        assertThat(page.select("#s2-table tr").stream().map(Element::text)).contains("行政事业性收费 0", "信息内容 本年收费金额(单位:万元)");
    }

    @Test
    void escapesEverythingItWrites() {
        AnnualReport report = AnnualReport.builder(ReportFormat.V2019)
                .year(2020)
                .agency("<script>alert(1)</script>局")
                .narrative(Section.S1, "a & b < c \"d\" 'e'")
                .cell("s2v2019.procurement.amount", CellValue.text("<b>251000元</b>"))
                .build();

        String html = HtmlRenderer.render(report);

        assertThat(html).doesNotContain("<script>", "<b>");
        Document page = Jsoup.parse(html);
        assertThat(page.title()).isEqualTo("<script>alert(1)</script>局2020年政府信息公开工作年度报告");
        assertThat(page.select("#s1 p").text()).isEqualTo("a & b < c \"d\" 'e'");
        assertThat(page.selectFirst("td[data-cell=s2v2019.procurement.amount]").text())
                .isEqualTo("<b>251000元</b>");
    }

    @Test
    void leavesOutRowsAndTablesTheSourceNeverHeld() {
        AnnualReport report = SeedReport.report().toBuilder().build();
        AnnualReport.Builder partial = report.toBuilder();
        ReportLayout.of(ReportFormat.V2021).cells().stream()
                .filter(c -> c.section() == Section.S4 || c.key().startsWith("s3.carriedForward."))
                .forEach(c -> partial.absent(c.key()));

        Document page = Jsoup.parse(HtmlRenderer.render(partial.build()));

        assertThat(page.select("#s4-table")).isEmpty();
        assertThat(page.select("#s4 h2")).hasSize(1);
        assertThat(page.select("td[data-cell^=s3.carriedForward]")).isEmpty();
        assertThat(page.select("#s3-table tbody tr")).hasSize(24);
    }

    private static int width(Element tr) {
        int width = 0;
        for (Element cell : tr.children()) {
            width += cell.hasAttr("colspan") ? Integer.parseInt(cell.attr("colspan")) : 1;
        }
        return width;
    }
}
