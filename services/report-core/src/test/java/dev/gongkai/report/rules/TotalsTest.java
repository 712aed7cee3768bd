package dev.gongkai.report.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.OfferedValue;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TotalsTest {

    /**
     * 自然人: 12 received + 2 carried over − 11 handled = 3 carried forward; 商业企业: 3 received, none handled, 3 carried
     * forward; 总计: 15 + 2 − 11 = 6.
     */
    private final AnnualReport valid = ConsistentReports.of(
            ReportFormat.V2021,
            2021,
            Map.of(
                    "s3.received.naturalPerson",
                    12L,
                    "s3.received.commercial",
                    3L,
                    "s3.granted.naturalPerson",
                    7L,
                    "s3.carriedOver.naturalPerson",
                    2L,
                    "s3.unavailable.notHeld.naturalPerson",
                    4L,
                    "s4.review.upheld",
                    1L));

    @Test
    void aConsistentReportIsOfferedNothing() {
        assertThat(Totals.offered(valid)).isEmpty();
    }

    @Test
    void aTotalThatDisagreesIsOfferedTheSumOfItsParts() {
        AnnualReport report = valid.toBuilder()
                .cell("s3.received.total", 16L)
                .cell("s4.review.total", 0L)
                .build();
        assertThat(Totals.offered(report))
                .containsExactly(
                        new Totals.Offer("s3.received.total", 15, OfferedValue.TOTAL),
                        new Totals.Offer("s4.review.total", 1, OfferedValue.TOTAL));
    }

    @Test
    void aBlankTotalIsOfferedTheSumButNotWhileAPartIsBlank() {
        AnnualReport report =
                valid.toBuilder().blank("s3.handledTotal.naturalPerson").build();
        // The handled total is both the row's part (its 总计 column follows) and the sum of the result rows.
        assertThat(Totals.offered(report))
                .containsExactly(new Totals.Offer("s3.handledTotal.naturalPerson", 11, OfferedValue.TOTAL));
        assertThat(Totals.offered(report.toBuilder()
                        .blank("s3.received.total")
                        .blank("s3.received.commercial")
                        .build()))
                .extracting(Totals.Offer::cell)
                .doesNotContain("s3.received.total");
    }

    @Test
    void aBlankCarryForwardIsOfferedWhatTheBalanceLeaves() {
        AnnualReport report =
                valid.toBuilder().blank("s3.carriedForward.naturalPerson").build();
        // S3_BALANCE: 12 received + 2 carried over = 11 handled + 3 carried forward. The 总计 column still balances.
        assertThat(Totals.offered(report))
                .containsExactly(new Totals.Offer("s3.carriedForward.naturalPerson", 3, OfferedValue.CARRY_FORWARD));
    }

    @Test
    void aCarryForwardThatDisagreesIsOfferedTheBalanceAfterTheTotals() {
        AnnualReport report =
                valid.toBuilder().cell("s3.carriedForward.commercial", 1L).build();
        // The row's 总计 (6) no longer adds up either: its sum comes first, the carry-forward after.
        assertThat(Totals.offered(report))
                .containsExactly(
                        new Totals.Offer("s3.carriedForward.total", 4, OfferedValue.TOTAL),
                        new Totals.Offer("s3.carriedForward.commercial", 3, OfferedValue.CARRY_FORWARD));
    }

    @Test
    void theCarryForwardTotalIsItsRowsSumOnceTheRowIsFilledAndItsBalanceBefore() {
        assertThat(Totals.offered(
                        valid.toBuilder().blank("s3.carriedForward.total").build()))
                .containsExactly(new Totals.Offer("s3.carriedForward.total", 6, OfferedValue.TOTAL));
        assertThat(Totals.offered(valid.toBuilder()
                        .blank("s3.carriedForward.total")
                        .blank("s3.carriedForward.naturalPerson")
                        .build()))
                .containsExactly(
                        new Totals.Offer("s3.carriedForward.naturalPerson", 3, OfferedValue.CARRY_FORWARD),
                        new Totals.Offer("s3.carriedForward.total", 6, OfferedValue.CARRY_FORWARD));
    }

    @Test
    void noCarryForwardIsOfferedWhileReceivedCarriedOverOrHandledIsBlankNorWhenItWouldBeNegative() {
        AnnualReport blankCarriedOver = valid.toBuilder()
                .blank("s3.carriedForward.naturalPerson")
                .blank("s3.carriedOver.naturalPerson")
                .build();
        assertThat(Totals.offered(blankCarriedOver))
                .extracting(Totals.Offer::cell)
                .doesNotContain("s3.carriedForward.naturalPerson");
        // 5 received + 2 carried over − 11 handled would be −4: nothing is suggested, the table is wrong elsewhere.
        AnnualReport overHandled = valid.toBuilder()
                .blank("s3.carriedForward.naturalPerson")
                .cell("s3.received.naturalPerson", 5L)
                .build();
        assertThat(Totals.offered(overHandled))
                .extracting(Totals.Offer::kind)
                .doesNotContain(OfferedValue.CARRY_FORWARD);
        assertThat(Totals.offered(overHandled)).extracting(Totals.Offer::cell).containsExactly("s3.received.total");
    }
}
