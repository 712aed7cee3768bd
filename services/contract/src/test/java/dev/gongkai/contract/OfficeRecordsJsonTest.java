package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
}
