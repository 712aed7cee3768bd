package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports service's answer on an onboarding zip as it writes it and the console reads it back: outcomes by the
 * words the answer used before it was a record (also as the keys of the counts), the messages by their snake-case
 * names, the batch check's totals as {@code report-cli check} writes them.
 */
class OnboardingPlanJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final OnboardingPlan plan = new OnboardingPlan(
            2,
            new BatchSummary(2, 1, 1, 0, 1, 3),
            Map.of(OnboardingOutcome.IMPORT, 1L, OnboardingOutcome.ALREADY_IMPORTED, 1L),
            List.of(
                    new OnboardingPlan.FileResult(
                            "卫健委/2019年年报.txt",
                            OnboardingOutcome.IMPORT,
                            "wuhai-health",
                            "乌海市卫生健康委员会",
                            "乌海市卫生健康委员会",
                            2019,
                            "2019",
                            0,
                            1,
                            3,
                            null,
                            "将导入",
                            "Will be imported",
                            List.of()),
                    new OnboardingPlan.FileResult(
                            "说明.docx",
                            OnboardingOutcome.ALREADY_IMPORTED,
                            null,
                            null,
                            null,
                            null,
                            null,
                            0,
                            0,
                            0,
                            "NAME",
                            "已导入",
                            "Already imported",
                            List.of())));

    @Test
    void outcomesAreWrittenAsTheirWordsAlsoAsKeys() {
        JsonNode written = json.readTree(json.writeValueAsString(plan));

        assertThat(written.path("outcomes").path("import").asLong()).isEqualTo(1);
        assertThat(written.path("outcomes").path("already-imported").asLong()).isEqualTo(1);
        assertThat(written.path("results").get(0).path("outcome").asString()).isEqualTo("import");
        assertThat(written.path("results").get(1).path("outcome").asString()).isEqualTo("already-imported");
    }

    @Test
    void messagesKeepTheirSnakeCaseNamesAndTheTotalsTheirs() {
        JsonNode written = json.readTree(json.writeValueAsString(plan));

        assertThat(written.path("results").get(0).path("message_zh").asString()).isEqualTo("将导入");
        assertThat(written.path("results").get(0).path("message_en").asString()).isEqualTo("Will be imported");
        assertThat(written.path("results").get(1).path("year").isNull()).isTrue();
        assertThat(written.path("summary").path("notReports").asInt()).isEqualTo(1);
        assertThat(written.path("summary").path("unreadableCells").asLong()).isEqualTo(3);
    }

    @Test
    void theConsoleReadsBackWhatTheServiceWrote() {
        assertThat(json.readValue(json.writeValueAsString(plan), OnboardingPlan.class))
                .isEqualTo(plan);
    }
}
