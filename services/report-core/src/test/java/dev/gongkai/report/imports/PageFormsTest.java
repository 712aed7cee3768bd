package dev.gongkai.report.imports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.HtmlRenderer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reports as some portals and excerpts hand them over: inside a script's string, or without their title. */
class PageFormsTest {

    private static ImportResult read(String text) throws UnreadableReportException {
        return ReportReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The report's page body as a JavaScript string literal, written into the page by a script. */
    static String inScriptString(AnnualReport report) {
        String html = new String(HtmlRenderer.renderBytes(report), StandardCharsets.UTF_8);
        String body = html.substring(html.indexOf("<body"), html.indexOf("</body>"));
        body = body.substring(body.indexOf('>') + 1);
        String literal = body.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("</", "<\\/");
        String prelude = "var tracker = {}; // a '<table>' in a comment is no report\n".repeat(300)
                + "function share(s) { return s + '<p>'; }\n";
        return "<script>" + prelude + "</script>\n<div id=\"content\"></div>\n<script>let content = \"" + literal
                + "\";\ndocument.getElementById('content').innerHTML = content;</script>";
    }

    @Test
    void readsAReportInsideAJavaScriptStringAfterALongScriptPrelude() throws Exception {
        AnnualReport seed = read(TextImportTest.seed()).report();
        String page = inScriptString(seed);
        assertThat(page.indexOf("let content")).isGreaterThan(10_000);

        ImportResult result = read(page);

        assertThat(result.source()).isEqualTo(SourceType.HTML);
        assertThat(result.findings()).isEmpty();
        assertThat(result.report()).isEqualTo(seed);
    }

    @Test
    void decodesTheEscapesOfScriptStringLiterals() {
        assertThat(HtmlExtractor.stringLiterals("let a = \"<p>\\u4e00\\\"x\\\"<\\/p>\"; // 'no'\nlet b = 'it\\'s';"))
                .containsExactly("<p>一\"x\"</p>", "it's");
    }

    @Test
    void aReportWithoutItsTitleTakesTheYearFromTheBodyAndSaysSo() throws Exception {
        String seed = TextImportTest.seed();
        String excerpt = seed.substring(seed.indexOf('\n') + 1);
        ImportResult result = read(excerpt);
        AnnualReport report = result.report();

        assertThat(report.year()).isEqualTo(2021);
        assertThat(report.agency()).isEqualTo("乌海市公安局");
        assertThat(report.cells()).isEqualTo(read(seed).report().cells());
        String messages = result.findings().stream()
                .map(f -> f.messageZh() + " / " + f.messageEn())
                .collect(Collectors.joining("\n"));
        assertThat(messages).contains("报告年度2021取自正文", "inferred from the body", "乌海市公安局");
    }

    /**
     * The real 三明 2021 dump from its section 一 on, without a signature: the opening sentence, broken over lines by
     * the page («202» / «1» / «年，» / «三明市» / «人民政府认真落实…»), gives the year and the agency, and the finding
     * says both were taken from the body. Before, both were unknown.
     */
    @Test
    void aReportWithoutTitleOrSignatureTakesYearAndAgencyFromTheOpeningOfSectionOne() throws Exception {
        String dump = new String(RealCorpusTest.resource("/fixtures/real/reports/003_sanming_2021.txt"), UTF_8);
        ImportResult result = read(dump.substring(dump.indexOf("一、总体情况")));

        assertThat(result.report().year()).isEqualTo(2021);
        assertThat(result.report().agency()).isEqualTo("三明市人民政府");
        assertThat(result.findings())
                .anySatisfy(f -> assertThat(f.messageZh()).contains("报告年度2021取自正文", "机关名称“三明市人民政府”取自正文"));
    }

    @Test
    void anOpeningThatSaysWeNamesNoAgency() throws Exception {
        String seed = TextImportTest.seed();
        String excerpt = seed.substring(seed.indexOf("一、")).replace("2021年以来,乌海市公安局以", "2021年，我局认真落实并以");
        excerpt = excerpt.substring(0, excerpt.lastIndexOf("乌海市公安局"));
        AnnualReport report = read(excerpt).report();

        assertThat(report.year()).isEqualTo(2021);
        assertThat(report.agency()).isNull();
    }

    @Test
    void aBodyNamingTwoYearsOrDisagreeingWithTheSignatureLeavesTheYearUnknown() throws Exception {
        String seed = TextImportTest.seed();
        String excerpt = seed.substring(seed.indexOf('\n') + 1).replace("2022年01月19日", "2024年01月19日");
        ImportResult result = read(excerpt);

        assertThat(result.report().year()).isNull();
        assertThat(result.findings().stream().map(f -> f.messageEn()).collect(Collectors.joining()))
                .contains("the year is unknown");
    }
}
