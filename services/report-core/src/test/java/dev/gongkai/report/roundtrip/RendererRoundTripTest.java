package dev.gongkai.report.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvReader;
import dev.gongkai.report.render.CsvRenderer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rendering a report in one of our own exchange layouts and reading it back gives the same report. */
class RendererRoundTripTest {

    @Property(tries = 200)
    void jsonGivesBackTheSameReport(@ForAll("anything") AnnualReport report) throws Exception {
        ImportResult back = CanonicalJson.read(CanonicalJson.writeBytes(report));

        assertThat(back.findings()).isEmpty();
        assertThat(back.report()).as(() -> ReportDiff.describe(report, back.report())).isEqualTo(report);
        assertThat(CanonicalJson.write(back.report())).isEqualTo(CanonicalJson.write(report));
    }

    @Property(tries = 200)
    void csvGivesBackTheSameReport(@ForAll("anything") AnnualReport report) throws Exception {
        ImportResult back = CsvReader.read(CsvRenderer.renderBytes(report));

        assertThat(back.findings()).isEmpty();
        assertThat(back.report()).as(() -> ReportDiff.describe(report, back.report())).isEqualTo(report);
    }

    @Provide
    Arbitrary<AnnualReport> anything() {
        return GeneratedReports.anything();
    }
}
