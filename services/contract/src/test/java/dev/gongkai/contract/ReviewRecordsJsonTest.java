package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of the review, the history and the audit trail as the reports service writes them and the console
 * reads them back: the members keep the names the JSON answers had before they were records.
 */
class ReviewRecordsJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-06T07:22:29Z");

    @Test
    void aCommentWritesItsMembersAndNotWhatItWorksOut() {
        CommentView reply = new CommentView(
                2, "s3.received.natural", "已核实", "psb-editor", "李伟", "乌海市公安局", false, AT, null, null, List.of());
        CommentView thread = new CommentView(
                1, "s3.received.natural", "请核实", "office", "王晓梅", "乌海市政务公开办", true, AT, null, null, List.of(reply));

        JsonNode written = json.readTree(json.writeValueAsString(thread));

        assertThat(written.has("open")).isFalse();
        assertThat(written.path("resolvedAt").isNull()).isTrue();
        assertThat(written.path("replies").get(0).path("authorName").asString()).isEqualTo("李伟");
        CommentView read = json.readValue(json.writeValueAsString(thread), CommentView.class);
        assertThat(read).isEqualTo(thread);
        assertThat(read.open()).isTrue();
    }

    @Test
    void aDiffNamesCellStatesAsTheDocumentDoes() {
        RevisionDiff diff = new RevisionDiff(
                2025,
                1,
                2,
                List.of(new RevisionDiff.CellChange(
                        "s3.received.natural", "自然人", 110, null, CellState.VALUE, CellState.BLANK)),
                List.of(new RevisionDiff.TextChange("s1", "总体情况", null, "新增")));

        JsonNode written = json.readTree(json.writeValueAsString(diff));

        assertThat(written.path("cells").get(0).path("beforeState").asString()).isEqualTo("value");
        assertThat(written.path("cells").get(0).path("afterState").asString()).isEqualTo("blank");
        assertThat(json.readValue(json.writeValueAsString(diff), RevisionDiff.class))
                .isEqualTo(diff);
    }

    @Test
    void anAuditEntryKeepsWhatItRecordedAndSaysItsReasonFileAndCells() {
        String entry = """
                {"id":7,"at":"2026-12-06T07:22:29Z","actor":"office","actorName":null,"actorAgency":null,
                 "action":"report.return","target":"report/2025","before":{"status":"SUBMITTED"},
                 "after":{"status":"RETURNED","reason":"请核实","cells":{"a":1,"b":null}},"hash":"ab"}""";

        AuditEntryView read = json.readValue(entry, AuditEntryView.class);

        assertThat(read.reason()).isEqualTo("请核实");
        assertThat(read.fileName()).isNull();
        assertThat(read.cellCount()).isEqualTo(2);
        assertThat(json.readTree(json.writeValueAsString(read))).isEqualTo(json.readTree(entry));
        AuditEntryView removed = new AuditEntryView(
                8,
                AT,
                "psb-editor",
                null,
                null,
                "attachment.remove",
                "report/2025/attachment/3",
                Map.of("fileName", "签发稿.pdf"),
                null,
                "cd");
        assertThat(removed.fileName()).isEqualTo("签发稿.pdf");
        assertThat(removed.reason()).isNull();
        assertThat(removed.cellCount()).isZero();
    }

    @Test
    void theChainCheckKeepsItsMessageNames() {
        JsonNode written = json.readTree(json.writeValueAsString(
                new AuditVerification(false, 12, 5L, "content", 4L, "第 5 条记录被改动", "entry 5 was altered")));

        assertThat(written.path("message_zh").asString()).isEqualTo("第 5 条记录被改动");
        assertThat(written.path("message_en").asString()).isEqualTo("entry 5 was altered");
    }

    @Test
    void theOfficesViewIsTheReportsMembersWithTheReviewBesideThem() {
        ReportView view = new ReportView(
                "2025",
                2025,
                "测试市教育局",
                null,
                Map.of("s1", "总体情况"),
                Map.of("s3.received.natural", 12),
                List.of(),
                ReportStatus.SUBMITTED,
                3,
                ReportSource.DRAFTED,
                null,
                null,
                Instant.parse("2026-01-10T02:00:00Z"),
                null,
                Instant.parse("2026-01-10T02:00:00Z"),
                null,
                null);
        OfficeReportView office = OfficeReportView.of(
                view,
                "edu",
                EnumSet.of(Action.RETURN, Action.APPROVE),
                List.of(),
                List.of(),
                List.of(new AttachmentView(3, 2025, "签发稿.pdf", "application/pdf", 1024, "ff", "psb-editor", null, AT)));

        JsonNode written = json.readTree(json.writeValueAsString(office));
        JsonNode report = json.readTree(json.writeValueAsString(view));

        report.propertyNames()
                .forEach(name -> assertThat(written.get(name)).as(name).isEqualTo(report.get(name)));
        assertThat(written.path("agencySlug").asString()).isEqualTo("edu");
        assertThat(written.path("allowedActions").toString()).isEqualTo("[\"return\",\"approve\"]");
        assertThat(written.has("returnReason")).isFalse();
        assertThat(written.path("attachments").get(0).path("fileName").asString())
                .isEqualTo("签发稿.pdf");
        OfficeReportView read = json.readValue(json.writeValueAsString(office), OfficeReportView.class);
        assertThat(read).isEqualTo(office);
        assertThat(read.document()).isEqualTo(view.document());
        assertThat(read.allows(Action.APPROVE)).isTrue();
    }
}
