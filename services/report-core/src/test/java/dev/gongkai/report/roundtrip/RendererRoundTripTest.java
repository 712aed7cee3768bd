package dev.gongkai.report.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvReader;
import dev.gongkai.report.render.CsvRenderer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rendering a report in one of our own exchange layouts and reading it back gives the same report. */
class RendererRoundTripTest {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonGivesBackTheSameReport(long seed) throws Exception {
        AnnualReport report = GeneratedReports.anything(seed);
        ImportResult back = CanonicalJson.read(CanonicalJson.writeBytes(report));

        assertThat(back.findings()).isEmpty();
        assertThat(back.report())
                .as(() -> ReportDiff.describe(report, back.report()))
                .isEqualTo(report);
        assertThat(CanonicalJson.write(back.report())).isEqualTo(CanonicalJson.write(report));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void csvGivesBackTheSameReport(long seed) throws Exception {
        AnnualReport report = GeneratedReports.anything(seed);
        ImportResult back = CsvReader.read(CsvRenderer.renderBytes(report));

        assertThat(back.findings()).isEmpty();
        assertThat(back.report())
                .as(() -> ReportDiff.describe(report, back.report()))
                .isEqualTo(report);
    }

    static Stream<Long> seeds() {
        return GeneratedReports.seeds(200);
    }
}
