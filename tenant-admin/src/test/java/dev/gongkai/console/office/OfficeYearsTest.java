package dev.gongkai.console.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OfficeYearsTest {

    @Test
    void decemberOpensTheYearThatIsEndingAndTheRestOfTheYearTheOneBefore() {
        // 56 days before 31 January 2027 the agencies are drafting 2026.
        assertThat(OfficeYears.drafting(LocalDate.of(2026, 12, 6))).isEqualTo(2026);
        assertThat(OfficeYears.drafting(LocalDate.of(2027, 1, 31))).isEqualTo(2026);
        // Late reports and the compiled report (due 31 March) keep the office on 2026 until December.
        assertThat(OfficeYears.drafting(LocalDate.of(2027, 3, 31))).isEqualTo(2026);
        assertThat(OfficeYears.drafting(LocalDate.of(2027, 11, 30))).isEqualTo(2026);
    }
}
