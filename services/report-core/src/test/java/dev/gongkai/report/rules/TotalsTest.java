package dev.gongkai.report.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TotalsTest {

    private final AnnualReport valid = ConsistentReports.of(ReportFormat.V2021, 2021, Map.of(
            "s3.received.naturalPerson", 12L, "s3.received.commercial", 3L, "s3.granted.naturalPerson", 7L,
            "s3.carriedOver.naturalPerson", 2L, "s3.unavailable.notHeld.naturalPerson", 4L, "s4.review.upheld", 1L));

    @Test
    void aConsistentReportIsOfferedNothing() {
        assertThat(Totals.offered(valid)).isEmpty();
    }

    @Test
    void aTotalThatDisagreesIsOfferedTheSumOfItsParts() {
        AnnualReport report = valid.toBuilder().cell("s3.received.total", 16L).cell("s4.review.total", 0L).build();
        assertThat(Totals.offered(report)).containsExactly(new Totals.Offer("s3.received.total", 15),
                new Totals.Offer("s4.review.total", 1));
    }

    @Test
    void aBlankTotalIsOfferedTheSumButNotWhileAPartIsBlank() {
        AnnualReport report = valid.toBuilder().blank("s3.handledTotal.naturalPerson").build();
        // The handled total is both the row's part (its 总计 column follows) and the sum of the result rows.
        assertThat(Totals.offered(report)).containsExactly(new Totals.Offer("s3.handledTotal.naturalPerson", 11));
        assertThat(Totals.offered(report.toBuilder().blank("s3.received.total").blank("s3.received.commercial")
                .build())).extracting(Totals.Offer::cell).doesNotContain("s3.received.total");
    }
}
