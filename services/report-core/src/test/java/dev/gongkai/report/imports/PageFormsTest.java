package dev.gongkai.report.imports;

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
