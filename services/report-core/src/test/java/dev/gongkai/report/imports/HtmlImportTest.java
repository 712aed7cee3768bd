package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlImportTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void seedPageGivesTheSeedTextsLinesBetweenItsChrome() throws Exception {
        List<SourceLine> lines = extract(resource("/html/wuhai-psb-2021.html"));

        assertThat(reportPart(lines)).containsExactlyElementsOf(seedLines());
    }

    @Test
    void seedPageKeepsRowspanCellsInTheirFirstRowOnlyAndColspanCellsAsOneCell() throws Exception {
        List<SourceLine> lines = extract(resource("/html/wuhai-psb-2021.html"));

        assertThat(lines)
                .contains(
                        SourceLine.of("第二十条第(一)项"),
                        SourceLine.of("信息内容", "本年处理决定数量"),
                        SourceLine.of("行政许可", "5"),
                        SourceLine.of("规章(地方政府规章)", "0", "0", "0"),
                        SourceLine.of("行政事业性收费", "0", "", ""),
                        SourceLine.of("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"),
                        SourceLine.of("自 然 人", "法人或其他组织", "总计"),
                        SourceLine.of("三、 本年度办理结果", "(一)予以公开", "0", "0", "0", "0", "0", "0", "0"),
                        SourceLine.of("(三)不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"),
                        SourceLine.of("2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"),
                        SourceLine.of("结果维持", "结果纠正", "其他结果", "尚未", "总计", "未经复议直接起诉", "复议后起诉"));
    }

    @Test
    void seedPageDropsScriptsStylesNavigationAndForms() throws Exception {
        List<String> texts = extract(resource("/html/wuhai-psb-2021.html")).stream()
                .map(SourceLine::text)
                .toList();

        assertThat(texts)
                .noneMatch(text -> text.contains("广告")
                        || text.contains("统计代码")
                        || text.contains("_hmt")
                        || text.contains("text-indent")
                        || text.contains("办事服务")
                        || text.contains("搜索"));
        assertThat(texts.getFirst()).startsWith("当前位置");
    }

    @Test
    void gbkPageWithTheArticleInsideALayoutTableAndTableTwoSplitInFour() throws Exception {
        byte[] page = resource("/html/wuhai-psb-2021-gbk.html");
        assertThat(new String(page, StandardCharsets.ISO_8859_1)).contains("charset=gb2312");

        List<SourceLine> lines = extract(page);

        assertThat(reportPart(lines)).containsExactlyElementsOf(seedLines());
        assertThat(lines).contains(SourceLine.of("政府信息公开年报"), SourceLine.of("2021年度"));
    }

    @Test
    void pageWhoseOneTableHoldsTheWholeReport() throws Exception {
        List<SourceLine> lines = extract(resource("/html/wuhai-psb-2021-one-table.html"));

        assertThat(reportPart(lines)).containsExactlyElementsOf(seedLines());
    }

    @Test
    void onlyLeafTablesAreDataTables() throws Exception {
        String page = """
                <html><body><table><tr><td>栏目</td><td>
                  <p>二、主动公开政府信息情况</p>
                  <table><tr><td>行政许可</td><td>5</td></tr></table>
                  <div>三、收到和处理政府信息公开申请情况</div>
                </td></tr></table></body></html>""";

        assertThat(extract(page))
                .containsExactly(
                        SourceLine.of("栏目"),
                        SourceLine.of("二、主动公开政府信息情况"),
                        SourceLine.of("行政许可", "5"),
                        SourceLine.of("三、收到和处理政府信息公开申请情况"));
    }

    @Test
    void breaksAndParagraphsInsideACellJoinWithoutSpaceBetweenChineseAndWithOneBetweenNumbers() throws Exception {
        String page = """
                <table><tr><td>结果<br>维持</td><td><p>尚未</p><p>审结</p></td><td>12<br/>34</td>
                <td>&nbsp;</td><td> \u3000 </td><td></td><td>(二)部分公开(区分处理的,<br>只计这一情形)</td></tr></table>""";

        assertThat(extract(page))
                .containsExactly(SourceLine.of("结果维持", "尚未审结", "12 34", "", "", "", "(二)部分公开(区分处理的,只计这一情形)"));
    }

    @Test
    void paragraphsOutsideTablesAreOneCellLinesAndBlankOnesVanish() throws Exception {
        String page = """
                <body><div class="article"><h1>某某局2021年政府信息公开工作年度报告</h1>
                <p>&nbsp;</p><p>　　一、总体情况</p>
                <p>第一段<br>第二段</p><span>行内</span><b>文字</b>
                <p style="display: none">隐藏</p><div hidden>也隐藏</div></div></body>""";

        assertThat(extract(page))
                .containsExactly(
                        SourceLine.of("某某局2021年政府信息公开工作年度报告"),
                        SourceLine.of("一、总体情况"),
                        SourceLine.of("第一段"),
                        SourceLine.of("第二段"),
                        SourceLine.of("行内文字"));
    }

    @Test
    void pageTitleStandsInWhenTheBodyNamesNoReport() throws Exception {
        String page = "<html><head><title>某某局2021年政府信息公开工作年度报告</title></head>"
                + "<body><img src=title.png><p>一、总体情况</p></body></html>";

        assertThat(extract(page)).first().isEqualTo(SourceLine.of("某某局2021年政府信息公开工作年度报告"));
    }

    @Test
    void declaredCharsetIsHonouredAndStaleDeclarationsAreSeenThrough() throws Exception {
        String body = "<table><tr><td>行政许可</td><td>5</td></tr></table>";
        SourceLine expected = SourceLine.of("行政许可", "5");

        byte[] gbkDeclared = ("<html><head><meta charset=\"GBK\"></head><body>" + body).getBytes(GBK);
        byte[] gb2312Declared =
                ("<meta http-equiv=Content-Type content='text/html; charset=gb2312'>" + body).getBytes(GBK);
        byte[] undeclaredGbk = ("<html><body>" + body).getBytes(GBK);
        byte[] utf8DeclaredGb2312 = ("<meta charset=gb2312>" + body).getBytes(StandardCharsets.UTF_8);
        byte[] gbkDeclaredUtf8 = ("<meta charset=utf-8>" + body).getBytes(GBK);

        for (byte[] page : List.of(gbkDeclared, gb2312Declared, undeclaredGbk, utf8DeclaredGb2312, gbkDeclaredUtf8)) {
            assertThat(new HtmlExtractor().extract(page).lines()).containsExactly(expected);
        }
    }

    @Test
    void readerRecognisesPagesAndHandsThemToTheHtmlExtractor() throws Exception {
        assertThat(ReportReader.detect(resource("/html/wuhai-psb-2021.html"))).isEqualTo(SourceType.HTML);
        assertThat(ReportReader.detect(resource("/html/wuhai-psb-2021-gbk.html")))
                .isEqualTo(SourceType.HTML);
        assertThat(ReportReader.detect(resource("/html/wuhai-psb-2021-one-table.html")))
                .isEqualTo(SourceType.HTML);
    }

    @Test
    void hundredThousandNestedDivsAndTablesEndInBoundedTime() {
        String divs = "<div>".repeat(100_000) + "<p>一、总体情况</p>" + "</div>".repeat(100_000);
        String tables = "<table><tr><td>".repeat(100_000) + "行政许可</td><td>5" + "</td></tr></table>".repeat(100_000);

        List<SourceLine> fromDivs = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> extract(divs));
        List<SourceLine> fromTables = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> extract(tables));

        assertThat(fromDivs).containsExactly(SourceLine.of("一、总体情况"));
        assertThat(fromTables).isNotEmpty();
        assertThat(fromTables.stream().map(SourceLine::text)).anyMatch(text -> text.contains("行政许可"));
    }

    @Test
    void pageWithMillionsOfTagsIsRefusedBeforeItIsParsed() {
        byte[] page = "<b>0".repeat(HtmlExtractor.MAX_ELEMENTS + 1).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() ->
                        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new HtmlExtractor().extract(page)))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        refused -> assertThat(refused.code()).isEqualTo("TOO_LARGE"));
    }

    @Test
    void largePageOfTextIsReadInBoundedTime() {
        String paragraph = "<p>" + "政府信息公开".repeat(1_000) + "</p>\n";
        byte[] page = ("<html><body>" + paragraph.repeat(3_000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
        assertThat(page.length).isGreaterThan(50_000_000);

        List<SourceLine> lines = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> new HtmlExtractor().extract(page).lines());

        assertThat(lines).hasSize(3_000);
    }

    @Test
    void seedPageReadsEndToEndWithExactlyTheSeedsNumbers() throws Exception {
        assertSeedReport(ReportReader.read(resource("/html/wuhai-psb-2021.html")), SourceType.HTML);
    }

    @Test
    void gbkLayoutTablePageReadsEndToEndWithExactlyTheSeedsNumbers() throws Exception {
        assertSeedReport(ReportReader.read(resource("/html/wuhai-psb-2021-gbk.html")), SourceType.HTML);
    }

    @Test
    void oneTablePageReadsEndToEndWithExactlyTheSeedsNumbers() throws Exception {
        assertSeedReport(ReportReader.read(resource("/html/wuhai-psb-2021-one-table.html")), SourceType.HTML);
    }

    @Test
    void blankValueCellIsReportedBlankNeverZero() throws Exception {
        String page = new String(resource("/html/wuhai-psb-2021.html"), StandardCharsets.UTF_8)
                .replace(
                        "<td >行政处罚</td>\n  <td colspan=\"3\">3</td>",
                        "<td >行政处罚</td>\n  <td colspan=\"3\">&nbsp;</td>");
        assertThat(page).contains("<td colspan=\"3\">&nbsp;</td>");

        AnnualReport report =
                ReportReader.read(page.getBytes(StandardCharsets.UTF_8)).report();

        assertThat(report.cell("s2.penalties.decisions")).isEmpty();
        assertThat(report.blank()).contains("s2.penalties.decisions");
        assertThat(report.number("s2.coercion.decisions")).contains(BigDecimal.valueOf(4));
    }

    // ---- helpers

    /** The seed's published numbers, read through {@link ReportReader} as any caller would. */
    static void assertSeedReport(ImportResult result, SourceType source) {
        AnnualReport report = result.report();
        assertThat(result.source()).isEqualTo(source);
        assertThat(result.findings()).isEmpty();
        assertThat(report.format()).isEqualTo(ReportFormat.V2021);
        assertThat(report.agency()).isEqualTo("乌海市公安局");
        assertThat(report.year()).isEqualTo(2021);
        assertThat(report.publishedOn()).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(report.blank()).isEmpty();
        Map<String, Long> table2 = Map.of(
                "s2.regulations.issued",
                0L,
                "s2.regulations.repealed",
                0L,
                "s2.regulations.inForce",
                0L,
                "s2.normativeDocuments.issued",
                19L,
                "s2.normativeDocuments.repealed",
                0L,
                "s2.normativeDocuments.inForce",
                21L,
                "s2.licensing.decisions",
                5L,
                "s2.penalties.decisions",
                3L,
                "s2.coercion.decisions",
                4L,
                "s2.fees.amount",
                0L);
        for (CellDefinition cell : report.layout().cells()) {
            assertThat(report.number(cell.key()))
                    .as(cell.key())
                    .contains(BigDecimal.valueOf(table2.getOrDefault(cell.key(), 0L)));
        }
        assertThat(report.cells()).hasSize(report.layout().cells().size());
        assertThat(report.narrative(Section.S1)).startsWith("2021年以来").endsWith("等20项工作制度。");
        assertThat(report.narrative(Section.S5)).startsWith("2021年度,市公安局政务公开工作").endsWith("大力拓展公安工作便民利民服务空间。");
        assertThat(report.narrative(Section.S6)).isEqualTo("(无)");
    }

    static List<SourceLine> extract(byte[] page) throws UnreadableReportException {
        return new HtmlExtractor().extract(page).lines();
    }

    static List<SourceLine> extract(String page) throws UnreadableReportException {
        return extract(page.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] resource(String name) {
        try (InputStream in = HtmlImportTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed text's lines as cells: split at "|", trimmed, with the trailing blank cells the seed pads its rows
     * with dropped (extractors give a row's real cells only).
     */
    static List<SourceLine> seedLines() {
        String text = new String(resource("/fixtures/wuhai-psb-2021.txt"), StandardCharsets.UTF_8);
        List<SourceLine> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(withoutTrailingBlanks(new SourceLine(
                        Arrays.stream(line.split("\\|", -1)).map(String::strip).toList())));
            }
        }
        return lines;
    }

    /**
     * The lines from the report's title to its date, trailing blank cells dropped, without the portal's
     * "发布时间：… 来源：… 浏览次数：" line that pages put under the title (chrome the assembler skips).
     */
    static List<SourceLine> reportPart(List<SourceLine> lines) {
        List<SourceLine> seed = seedLines();
        int from = lines.indexOf(seed.getFirst());
        int to = lines.lastIndexOf(seed.getLast());
        assertThat(from).as("title line").isNotNegative();
        assertThat(to).as("date line").isGreaterThan(from);
        return lines.subList(from, to + 1).stream()
                .filter(line -> !line.text().startsWith("发布时间"))
                .map(HtmlImportTest::withoutTrailingBlanks)
                .toList();
    }

    static SourceLine withoutTrailingBlanks(SourceLine line) {
        List<String> cells = new ArrayList<>(line.cells());
        while (cells.size() > 1 && cells.getLast().isEmpty()) {
            cells.removeLast();
        }
        return new SourceLine(cells);
    }
}
