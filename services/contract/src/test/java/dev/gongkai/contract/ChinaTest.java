package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChinaTest {

    @Test
    void aMomentLateInTheUtcDayIsReadAsTheNextMorningInChina() {
        Instant at = Instant.parse("2026-12-05T23:33:59.999Z");
        assertThat(China.minute(at)).isEqualTo("2026-12-06 07:33");
        assertThat(China.day(at)).isEqualTo("2026-12-06");
        assertThat(China.minute(null)).isEmpty();
        assertThat(China.day(null)).isEmpty();
    }
}
