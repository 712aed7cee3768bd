package dev.gongkai.tenants.observability;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operators see of a running service: Prometheus metrics with route templates and our own gauges, JSON log
 * lines with the trace id and the acting agency, and the trace id of an incoming W3C {@code traceparent}.
 */
@GongkaiTest
@SpringBootTest(
        properties = {
            "gongkai.keycloak.enabled=false",
            "gongkai.observability.database-gauges.interval=200ms",
            "logging.level.dev.gongkai.platform.observability.RequestLog=debug"
        })
@AutoConfigureMockMvc
@AutoConfigureMetrics
@AutoConfigureTracing
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestTenant
    ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    @Test
    void prometheusCountsRequestsByRouteTemplateAndStatus() throws Exception {
        mvc.perform(get("/api/agencies/me").with(editorOf(agency))).andExpect(status().isOk());
        mvc.perform(get("/api/agencies/" + agency.slug().value()).with(editorOf(agency)));

        String metrics = scrape();

        assertThat(metrics)
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/agencies/me\"[^}]*} [1-9]");
        assertThat(metrics)
                .contains("uri=\"/api/agencies/{slug}\"")
                .doesNotContain("uri=\"/api/agencies/" + agency.slug().value() + "\"");
        assertThat(metrics).doesNotContain("agency=\"" + agency.slug().value() + "\"");
    }

    @Test
    void outboxLagIsAGauge(TestDatabase db) throws Exception {
        db.dsl()
                .insertInto(OUTBOX)
                .set(OUTBOX.AGGREGATE, "test:lag")
                .set(OUTBOX.TYPE, "LagProbe")
                .set(OUTBOX.PAYLOAD, org.jooq.JSONB.valueOf("{}"))
                .set(OUTBOX.CREATED_AT, java.time.OffsetDateTime.now().minusMinutes(5))
                .execute();
        try {
            // The gauges are refreshed every 200 ms in this test (30 s by default), never by the scrape itself.
            java.util.regex.Pattern fiveMinutes =
                    java.util.regex.Pattern.compile("gongkai_outbox_oldest_age_seconds\\{[^}]*} 3[0-9]{2}");
            String metrics = scrape();
            for (int i = 0; i < 50 && !fiveMinutes.matcher(metrics).find(); i++) {
                Thread.sleep(100);
                metrics = scrape();
            }
            assertThat(metrics).containsPattern("gongkai_outbox_unpublished\\{[^}]*} [1-9]");
            // Five minutes old: about 300 seconds.
            assertThat(metrics).containsPattern("gongkai_outbox_oldest_age_seconds\\{[^}]*} 3[0-9]{2}");
        } finally {
            db.dsl().deleteFrom(OUTBOX).where(OUTBOX.AGGREGATE.eq("test:lag")).execute();
        }
    }

    @Test
    void reportsByStatusAndYearAreAGaugeWithoutAgency(TestDatabase db) throws Exception {
        db.dsl()
                .insertInto(REPORT_STATE)
                .set(REPORT_STATE.AGENCY_SLUG, agency.slug().value())
                .set(REPORT_STATE.YEAR, 2019)
                .set(REPORT_STATE.JURISDICTION_SLUG, agency.jurisdiction().value())
                .set(REPORT_STATE.STATUS, ReportStatus.APPROVED)
                .set(REPORT_STATE.DEADLINE, java.time.LocalDate.of(2020, 1, 31))
                .set(REPORT_STATE.LATE, false)
                .execute();
        java.util.regex.Pattern approved2019 = java.util.regex.Pattern.compile(
                "gongkai_reports\\{[^}]*status=\"APPROVED\"[^}]*year=\"2019\"[^}]*} 1\\.0");
        String metrics = scrape();
        for (int i = 0; i < 50 && !approved2019.matcher(metrics).find(); i++) {
            Thread.sleep(100);
            metrics = scrape();
        }

        assertThat(metrics).containsPattern(approved2019);
        assertThat(metrics.lines().filter(l -> l.startsWith("gongkai_reports{")))
                .noneMatch(l -> l.contains("agency"));
    }

    @Test
    void aLogLineIsJsonWithTraceIdAndAgency(CapturedOutput output) throws Exception {
        mvc.perform(get("/api/agencies/me").with(editorOf(agency))).andExpect(status().isOk());

        JsonNode line = requestLogLine(output, "/api/agencies/me");
        assertThat(line.path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
        assertThat(line.path("agency").asString()).isEqualTo(agency.slug().value());
        assertThat(line.path("service").path("name").asString()).isEqualTo("tenants");
    }

    @Test
    void theTraceIdOfAnIncomingTraceparentIsLogged(CapturedOutput output) throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        mvc.perform(get("/api/agencies/me")
                        .with(editorOf(agency))
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
                .andExpect(status().isOk());

        assertThat(requestLogLine(output, "/api/agencies/me").path("traceId").asString())
                .isEqualTo(traceId);
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The last request-log line of that path; every console line must be JSON. */
    private static JsonNode requestLogLine(CapturedOutput output, String path) {
        List<JsonNode> lines = output.getOut()
                .lines()
                .filter(l -> l.startsWith("{"))
                .map(JSON::readTree)
                .toList();
        return lines.stream()
                .filter(l -> l.path("log").path("logger").asString().endsWith("RequestLog"))
                .filter(l -> l.path("message").asString().contains(" " + path + " "))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("No request log line for " + path + " in:\n" + output.getOut()));
    }
}
