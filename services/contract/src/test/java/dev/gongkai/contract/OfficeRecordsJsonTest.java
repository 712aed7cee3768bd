package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of the office's pages (the review queue, compliance, reminders, the compiled report) as the services
 * write them and the console reads them back: the members keep the names and values the JSON answers had before
 * they were records.
 */
class OfficeRecordsJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-06T07:22:29Z");

    @Test
    void aQueueLineNamesItsStateAsTheReportStatusDoesAndNotStartedWithoutAReport() {
        SubmissionRow submitted = new SubmissionRow(
                "psb",
                "乌海市公安局",
                "wuhai",
                2025,
                SubmissionRow.State.SUBMITTED,
                3,
                LocalDate.of(2026, 1, 31),
                AT,
                AT,
                null,
                false);
        String none = """
                {"agency":"edu","agencyName":"乌海市教育局","jurisdiction":"wuhai","year":2025,"status":"NOT_STARTED",
                 "revision":null,"deadline":"2026-01-31","submittedAt":null,"updatedAt":null,"publishedAt":null,
                 "correction":false}""";

        JsonNode written = json.readTree(json.writeValueAsString(submitted));
        SubmissionRow read = json.readValue(none, SubmissionRow.class);

        assertThat(written.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(written.path("deadline").asString()).isEqualTo("2026-01-31");
        assertThat(written.has("waiting")).isFalse();
        assertThat(written.has("reviewable")).isFalse();
        assertThat(json.readValue(json.writeValueAsString(submitted), SubmissionRow.class))
                .isEqualTo(submitted);
        assertThat(json.readTree(json.writeValueAsString(read))).isEqualTo(json.readTree(none));
        assertThat(read.status().report()).isEmpty();
        assertThat(read.reviewable()).isFalse();
        assertThat(submitted.waiting()).isTrue();
        assertThat(submitted.reviewable()).isTrue();
    }

    @Test
    void everyReportStatusHasItsQueueStateOfTheSameName() {
        for (ReportStatus status : ReportStatus.values()) {
            assertThat(SubmissionRow.State.of(status).name()).isEqualTo(status.name());
            assertThat(SubmissionRow.State.of(status).report()).contains(status);
        }
    }

    @Test
    void theCompiledReportCarriesItsDocumentAsTheCanonicalJsonHasIt() {
        String document = """
                {"format":"gov-2021","year":2025,"agency":"乌海市（全市汇总）","publishedOn":null,
                 "narrative":{"s1":"总体情况"},"cells":{"s3.received.total":23,"s2.fees.amount":"5.00"},
                 "blank":["s4.review.other"]}""";
        CompiledView view = new CompiledView(
                2025,
                "wuhai",
                CompiledView.Scope.CITY,
                "全市汇总",
                true,
                "gov-2021",
                List.of("乌海市", "海勃湾区"),
                List.of(new CompiledView.Included("psb", "乌海市公安局", "wuhai", "乌海市", 2, AT.toInstant())),
                List.of(new CompiledView.Missing(
                        "edu",
                        "乌海市教育局",
                        "wuhai",
                        "乌海市",
                        CompiledView.Missing.Reason.NOT_PUBLISHED,
                        SubmissionRow.State.NOT_STARTED)),
                false,
                Map.of("s3.received.total", List.of("乌海市教育局")),
                List.of(),
                json.readValue(document, ReportDocument.class),
                3,
                true,
                List.of(new CompiledView.Publication(1, AT.toInstant(), false, null)),
                "/public/wuhai/compiled/2025/city");

        JsonNode written = json.readTree(json.writeValueAsString(view));

        assertThat(written.path("report")).isEqualTo(json.readTree(document));
        assertThat(written.path("included").get(0).path("publishedAt").asString())
                .isEqualTo("2026-12-06T07:22:29Z");
        assertThat(written.path("scope").asString()).isEqualTo("city");
        assertThat(written.path("missing").get(0).path("reason").asString()).isEqualTo("not-published");
        assertThat(written.path("missing").get(0).path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(json.readValue(json.writeValueAsString(view), CompiledView.class))
                .isEqualTo(view);
    }

    @Test
    void aComplianceRowWritesWhatTheRemindersReadAndNotWhatItWorksOutElse() {
        ComplianceRow correcting = new ComplianceRow(
                "psb",
                "乌海市公安局",
                AgencyKind.DEPARTMENT,
                "wuhai",
                2025,
                SubmissionRow.State.DRAFT,
                "correct",
                null,
                null,
                null,
                0,
                null,
                AT.toInstant(),
                AT.toInstant(),
                2,
                1,
                false,
                LocalDate.of(2026, 1, 31),
                false,
                ComplianceRow.Compliance.ON_TIME,
                null,
                null,
                0,
                1,
                0,
                "https://example.org/2025",
                false,
                5);

        JsonNode written = json.readTree(json.writeValueAsString(correcting));

        assertThat(written.path("notSubmitted").asBoolean()).isTrue();
        assertThat(written.path("correcting").asBoolean()).isTrue();
        assertThat(written.has("published")).isFalse();
        assertThat(written.path("deadline").asString()).isEqualTo("2026-01-31");
        assertThat(written.path("kind").asString()).isEqualTo("DEPARTMENT");
        assertThat(written.path("status").asString()).isEqualTo("DRAFT");
        assertThat(written.path("compliance").asString()).isEqualTo("ON_TIME");
        assertThat(json.readValue(json.writeValueAsString(correcting), ComplianceRow.class))
                .isEqualTo(correcting);
    }

    @Test
    void anAgencyWithoutAReportIsNotStartedAndCountedSoInTheTotals() {
        String none = """
                {"agency":"edu","nameZh":"乌海市教育局","kind":"DEPARTMENT","jurisdiction":"wuhai","year":2025,
                 "status":"NOT_STARTED","lastAction":null,"statusAt":null,"submittedAt":null,"firstSubmittedAt":null,
                 "returns":0,"approvedAt":null,"publishedAt":null,"lastPublishedAt":null,"publishedRevision":null,
                 "corrections":0,"imported":false,"deadline":"2026-01-31","compiled":false,"compliance":"OVERDUE",
                 "daysLeft":null,"daysLate":3,"errors":0,"warnings":0,"unexplainedWarnings":0,"websiteUrl":null,
                 "websiteUrlMissing":false,"revision":null,"notSubmitted":true,"correcting":false}""";
        ComplianceRow read = json.readValue(none, ComplianceRow.class);
        var totals = new ComplianceView.Totals(1, Map.of(read.status(), 1L), Map.of(read.compliance(), 1L), 0, 1);

        assertThat(read.status()).isEqualTo(SubmissionRow.State.NOT_STARTED);
        assertThat(read.compliance()).isEqualTo(ComplianceRow.Compliance.OVERDUE);
        assertThat(read.notSubmitted()).isTrue();
        assertThat(read.correcting()).isFalse();
        assertThat(json.readTree(json.writeValueAsString(read))).isEqualTo(json.readTree(none));
        JsonNode written = json.readTree(json.writeValueAsString(totals));
        assertThat(written.path("byStatus").path("NOT_STARTED").asLong()).isEqualTo(1);
        assertThat(written.path("byCompliance").path("OVERDUE").asLong()).isEqualTo(1);
        assertThat(json.readValue(json.writeValueAsString(totals), ComplianceView.Totals.class))
                .isEqualTo(totals);
    }

    @Test
    void aReminderScheduleWritesItsSettingAndNotTheStepItWorksOut() {
        ReminderSchedule schedule = new ReminderSchedule("wuhai", 7, true, null, null, null, null, null);

        JsonNode written = json.readTree(json.writeValueAsString(schedule));

        assertThat(written.path("overdueEveryDays").asInt()).isEqualTo(7);
        assertThat(written.has("overdueStep")).isFalse();
        assertThat(schedule.overdueStep(9)).isEqualTo(-8);
        assertThat(json.readValue(json.writeValueAsString(schedule), ReminderSchedule.class))
                .isEqualTo(schedule);
    }
}
