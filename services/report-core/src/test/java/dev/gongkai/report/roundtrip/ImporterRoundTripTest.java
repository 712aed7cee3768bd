package dev.gongkai.report.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.SourceType;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.TextRenderer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rendering a report as a published page (HTML, or the text a scraper makes of it) and importing it with
 * {@link ReportReader} gives the same report: the renderers and the importers agree on the national layout.
 */
class ImporterRoundTripTest {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("many")
    void htmlGivesBackTheSameReport(long seed) throws Exception {
        AnnualReport report = GeneratedReports.publishable(seed);
        ImportResult back = ReportReader.read(HtmlRenderer.renderBytes(report));

        assertThat(back.source()).isEqualTo(SourceType.HTML);
        assertThat(back.report())
                .as(() -> ReportDiff.describe(report, back.report()) + "\nfindings: " + back.findings())
                .isEqualTo(report);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("many")
    void textGivesBackTheSameReport(long seed) throws Exception {
        AnnualReport report = GeneratedReports.publishable(seed);
        ImportResult back = ReportReader.read(TextRenderer.renderBytes(report));

        assertThat(back.source()).isEqualTo(SourceType.TEXT);
        assertThat(back.report())
                .as(() -> ReportDiff.describe(report, back.report()) + "\nfindings: " + back.findings())
                .isEqualTo(report);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("some")
    void aPartialHtmlPageGivesBackEveryCellItHolds(long seed) throws Exception {
        AnnualReport report = GeneratedReports.partial(seed);
        ImportResult back = ReportReader.read(HtmlRenderer.renderBytes(report));

        assertThat(back.report())
                .as(() -> ReportDiff.describe(report, back.report()) + "\nfindings: " + back.findings())
                .isEqualTo(report);
        assertThat(back.findings()).as("findings naming what is missing").isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("some")
    void aPartialTextGivesBackEveryCellItHolds(long seed) throws Exception {
        AnnualReport report = GeneratedReports.partial(seed);
        ImportResult back = ReportReader.read(TextRenderer.renderBytes(report));

        assertThat(back.report())
                .as(() -> ReportDiff.describe(report, back.report()) + "\nfindings: " + back.findings())
                .isEqualTo(report);
        assertThat(back.findings()).as("findings naming what is missing").isNotEmpty();
    }

    static Stream<Long> many() {
        return GeneratedReports.seeds(200);
    }

    static Stream<Long> some() {
        return GeneratedReports.seeds(100);
    }
}
