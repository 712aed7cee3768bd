package dev.gongkai.report.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.WordDocuments;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.TextRenderer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated reports, rendered, then handed over in the forms real reports arrive in — table cells between TABs
 * (copied out of Word or WPS), columns aligned with spaces (a PDF viewer's copy, blanks shown as "—"), the page
 * inside a JavaScript string, a GBK page, a Word document (merged cells as {@code w:vMerge} and {@code w:gridSpan}),
 * the same with its values in content controls ({@code w:sdt}, a blank one showing its placeholder) — read back
 * identical: no cell moves, no blank becomes a number.
 */
class PastedFormsRoundTripTest {

    private static final Charset GBK = Charset.forName("GBK");

    enum Form {
        TABS(report -> bytes(TextRenderer.render(report).replace(" | ", "\t"))),
        ALIGNED_SPACES(report -> bytes(aligned(TextRenderer.render(report)))),
        JAVASCRIPT_STRING(report -> bytes(inScriptString(report))),
        GBK_PAGE(report -> new String(HtmlRenderer.renderBytes(report), StandardCharsets.UTF_8)
                .replace("<meta charset=\"utf-8\">", "<meta charset=\"GBK\">")
                .getBytes(GBK)),
        DOCX(report ->
                WordDocuments.fromHtml(Jsoup.parse(HtmlRenderer.render(report)).body(), WordDocuments.Controls.NONE)),
        DOCX_CONTENT_CONTROLS(report -> WordDocuments.fromHtml(
                Jsoup.parse(HtmlRenderer.render(report)).body(), WordDocuments.Controls.CONTENT_CONTROLS));

        private final Function<AnnualReport, byte[]> render;

        Form(Function<AnnualReport, byte[]> render) {
            this.render = render;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        GeneratedReports.seeds(40).forEach(seed -> {
            for (Form form : Form.values()) {
                cases.add(Arguments.of(form, seed));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void everyFormGivesBackTheSameReport(Form form, long seed) throws Exception {
        AnnualReport report = GeneratedReports.publishable(seed);
        ImportResult back = ReportReader.read(form.render.apply(report));

        assertThat(back.report())
                .as(() -> ReportDiff.describe(report, back.report()) + "\nfindings: " + back.findings())
                .isEqualTo(report);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gluedCellsAreReadRightOrNamedUnreadableNeverWrong(long seed) throws Exception {
        // Glued digits are split by the arithmetic, so the report must add up, and hold no blank (a dropped empty
        // cell cannot be told from a short number: that limit is the clerk's to resolve).
        AnnualReport report = consistent(GeneratedReports.publishable(seed));
        StringBuilder glued = new StringBuilder();
        for (String line : TextRenderer.render(report).split("\n", -1)) {
            glued.append(line.replace(" | ", "")).append('\n');
        }
        ImportResult back = ReportReader.read(bytes(glued.toString()));

        java.util.Set<String> named = new java.util.HashSet<>();
        back.findings().forEach(finding -> named.addAll(finding.cells()));
        back.report()
                .cells()
                .forEach((key, value) ->
                        assertThat(value).as(key).isEqualTo(report.cells().get(key)));
        assertThat(report.blank()).containsAll(back.report().blank());
        for (String key : report.cells().keySet()) {
            if (!back.report().cells().containsKey(key)) {
                assertThat(named).as("%s: read or named unreadable", key).contains(key);
            }
        }
    }

    /** The report with its blanks made 0 and its totals, (七)总计 and 结转 derived, as a published report adds up. */
    static AnnualReport consistent(AnnualReport report) {
        AnnualReport.Builder builder = report.toBuilder();
        for (String key : report.blank()) {
            builder.cell(key, 0);
        }
        java.util.function.Function<String, Long> value = key ->
                builder.build().number(key).map(java.math.BigDecimal::longValue).orElse(0L);
        dev.gongkai.report.model.ReportLayout layout = report.layout();
        List<String> columns = dev.gongkai.report.model.ReportLayout.APPLICANT_COLUMNS.stream()
                .map(dev.gongkai.report.model.TableColumn::key)
                .toList();
        for (String column : columns.subList(0, 6)) {
            long handled = 0;
            for (dev.gongkai.report.model.TableRow row : layout.resultRows()) {
                handled += value.apply(row.cellKey(column));
            }
            builder.cell("s3.handledTotal." + column, handled);
            long left = value.apply("s3.received." + column) + value.apply("s3.carriedOver." + column) - handled;
            if (left < 0) {
                builder.cell("s3.carriedOver." + column, value.apply("s3.carriedOver." + column) - left);
                left = 0;
            }
            builder.cell("s3.carriedForward." + column, left);
        }
        for (dev.gongkai.report.model.TableRow row :
                layout.table(dev.gongkai.report.model.Section.S3).rows()) {
            long sum = 0;
            for (String column : columns.subList(0, 6)) {
                sum += value.apply(row.cellKey(column));
            }
            builder.cell(row.cellKey("total"), sum);
        }
        for (dev.gongkai.report.model.TableRow row :
                layout.table(dev.gongkai.report.model.Section.S4).rows()) {
            long sum = 0;
            for (dev.gongkai.report.model.TableColumn column : row.columns().subList(0, 4)) {
                sum += value.apply(row.cellKey(column.key()));
            }
            builder.cell(row.cellKey("total"), sum);
        }
        return builder.build();
    }

    static Stream<Long> seeds() {
        return GeneratedReports.seeds(40);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Each table row's cells padded to columns and separated by runs of spaces, blanks written "—". */
    static String aligned(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.contains(" | ")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.split(" \\| ", -1)) {
                    cells.add(String.format("%-10s", cell.isBlank() ? "—" : cell.strip()));
                }
                line = String.join("  ", cells).stripTrailing();
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** The page's body as a JavaScript string literal that a script writes into the page, after a long prelude. */
    static String inScriptString(AnnualReport report) {
        String html = new String(HtmlRenderer.renderBytes(report), StandardCharsets.UTF_8);
        String body = html.substring(html.indexOf("<body"), html.indexOf("</body>"));
        body = body.substring(body.indexOf('>') + 1);
        String literal = body.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("</", "<\\/");
        String prelude = "var tracker = {}; // '<table>' in a comment\n".repeat(300);
        return "<!DOCTYPE html><html><head><script>" + prelude + "</script></head><body><div id=\"content\"></div>\n"
                + "<script>let content = \"" + literal + "\";\n"
                + "document.getElementById('content').innerHTML = content;</script></body></html>";
    }
}
