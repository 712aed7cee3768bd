package dev.gongkai.report.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportCycleTest {

    @Test
    void aReportIsDueOn31JanuaryAndTheCompiledReportOn31March() {
        assertThat(ReportCycle.deadline(2025, false)).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(ReportCycle.deadline(2025, true)).isEqualTo(LocalDate.of(2026, 3, 31));
    }

    @Test
    void decemberOpensTheYearThatIsEndingAndTheRestOfTheYearTheOneBefore() {
        // 56 days before 31 January 2027 the agencies are drafting 2026.
        assertThat(ReportCycle.drafting(LocalDate.of(2026, 12, 6))).isEqualTo(2026);
        assertThat(ReportCycle.drafting(LocalDate.of(2027, 1, 31))).isEqualTo(2026);
        // Late reports and the compiled report (due 31 March) keep the office on 2026 until December.
        assertThat(ReportCycle.drafting(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
        assertThat(ReportCycle.drafting(LocalDate.of(2027, 11, 30))).isEqualTo(2026);
    }

    @Test
    void aYearIsHistoryOnceItsDeadlineHasPassed() {
        // Before the deadline of 31 January the year before is still being drafted; from 1 February it is history.
        assertThat(ReportCycle.lastHistoryYear(LocalDate.of(2026, 1, 15))).isEqualTo(2024);
        assertThat(ReportCycle.lastHistoryYear(LocalDate.of(2026, 1, 31))).isEqualTo(2024);
        assertThat(ReportCycle.lastHistoryYear(LocalDate.of(2026, 2, 1))).isEqualTo(2025);
        // In December a city onboarding brings in the reports its agencies published in January.
        assertThat(ReportCycle.lastHistoryYear(LocalDate.of(2026, 12, 6))).isEqualTo(2025);
        assertThat(ReportCycle.lastHistoryYear(LocalDate.of(2027, 1, 1))).isEqualTo(2025);
    }

    @Test
    void draftingRunsOneYearAheadOfHistoryOnlyInDecemberAndJanuary() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() < 2028; day = day.plusDays(1)) {
            int drafting = ReportCycle.drafting(day);
            int history = ReportCycle.lastHistoryYear(day);
            // In December and January the year being drafted is the one after the newest history; from February to
            // November the office still finishes the year whose deadline has just passed.
            assertThat(drafting - history).as(day.toString()).isBetween(0, 1);
            assertThat(drafting == history + 1)
                    .as(day.toString())
                    .isEqualTo(day.getMonthValue() == 12 || day.getMonthValue() == 1);
        }
    }
}
