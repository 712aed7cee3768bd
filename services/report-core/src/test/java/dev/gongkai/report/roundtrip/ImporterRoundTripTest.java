package dev.gongkai.report.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.SourceType;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.HtmlRenderer;
import dev.gongkai.report.render.TextRenderer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Rendering a report as a published page (HTML, or the text a scraper makes of it) and importing it with
 * {@link ReportReader} gives the same report: the renderers and the importers agree on the national layout.
 */
class ImporterRoundTripTest {

    @Property(tries = 200)
    void htmlGivesBackTheSameReport(@ForAll("publishable") AnnualReport report) throws Exception {
        ImportResult back = ReportReader.read(HtmlRenderer.renderBytes(report));

        assertThat(back.source()).isEqualTo(SourceType.HTML);
        assertThat(back.report()).as(() -> ReportDiff.describe(report, back.report())
                + "\nfindings: " + back.findings()).isEqualTo(report);
    }

    @Property(tries = 200)
    void textGivesBackTheSameReport(@ForAll("publishable") AnnualReport report) throws Exception {
        ImportResult back = ReportReader.read(TextRenderer.renderBytes(report));

        assertThat(back.source()).isEqualTo(SourceType.TEXT);
        assertThat(back.report()).as(() -> ReportDiff.describe(report, back.report())
                + "\nfindings: " + back.findings()).isEqualTo(report);
    }

    @Property(tries = 100)
    void aPartialHtmlPageGivesBackEveryCellItHolds(@ForAll("partial") AnnualReport report) throws Exception {
        ImportResult back = ReportReader.read(HtmlRenderer.renderBytes(report));

        assertThat(back.report()).as(() -> ReportDiff.describe(report, back.report())
                + "\nfindings: " + back.findings()).isEqualTo(report);
        assertThat(back.findings()).as("findings naming what is missing").isNotEmpty();
    }

    @Property(tries = 100)
    void aPartialTextGivesBackEveryCellItHolds(@ForAll("partial") AnnualReport report) throws Exception {
        ImportResult back = ReportReader.read(TextRenderer.renderBytes(report));

        assertThat(back.report()).as(() -> ReportDiff.describe(report, back.report())
                + "\nfindings: " + back.findings()).isEqualTo(report);
        assertThat(back.findings()).as("findings naming what is missing").isNotEmpty();
    }

    @Provide
    Arbitrary<AnnualReport> partial() {
        return GeneratedReports.partial();
    }

    @Provide
    Arbitrary<AnnualReport> publishable() {
        return GeneratedReports.publishable();
    }
}
