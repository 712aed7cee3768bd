package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reports service writes these records and the console reads them back: the wire must carry them whole. */
class ReportViewJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final ReportView view = new ReportView(
            "2025",
            2025,
            "测试市教育局",
            LocalDate.of(2026, 1, 20),
            Map.of("s1", "总体情况"),
            Map.of("s3.received.natural", 12, "s6.fees.amount", "0.35"),
            List.of("s4.x"),
            ReportStatus.PENDING_SIGNOFF,
            7,
            ReportSource.DRAFTED,
            null,
            "数字有误",
            null,
            null,
            Instant.parse("2026-01-10T02:00:00Z"),
            EnumSet.of(Action.SUBMIT, Action.WITHDRAW),
            null);

    @Test
    void writesActionsByTheirCodesInWorkflowOrderAndLeavesOutWhatDoesNotApply() {
        JsonNode written = json.readTree(json.writeValueAsString(view));

        assertThat(written.path("allowedActions").toString()).isEqualTo("[\"submit\",\"withdraw\"]");
        assertThat(written.path("status").asString()).isEqualTo("PENDING_SIGNOFF");
        assertThat(written.path("publishedOn").asString()).isEqualTo("2026-01-20");
        assertThat(written.path("updatedAt").asString()).isEqualTo("2026-01-10T02:00:00Z");
        assertThat(written.has("returnReason")).isFalse();
        assertThat(written.has("findings")).isFalse();
        assertThat(written.path("agency").asString()).isEqualTo("测试市教育局");
    }

    @Test
    void readsBackWhatItWrote() {
        ReportView read = json.readValue(json.writeValueAsString(view), ReportView.class);

        assertThat(read).isEqualTo(view);
        assertThat(read.allows(Action.SUBMIT)).isTrue();
        assertThat(read.allows(Action.REQUEST_SIGNOFF)).isFalse();
    }

    @Test
    void aTransitionRequestNamesItsActionByCode() {
        assertThat(json.writeValueAsString(TransitionRequest.of(Action.REQUEST_SIGNOFF, null, null)))
                .contains("\"action\":\"request-signoff\"");
    }
}
