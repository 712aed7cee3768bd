package dev.gongkai.reports.workflow;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.reports.Staff.approver;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.officeAdmin;
import static dev.gongkai.reports.Staff.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.ReportChange;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Fixtures;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The office's compliance counts come from the last lifecycle event of each report: after every kind of change —
 * import, PATCH, transition, correction, onboarding — that event carries exactly what the report has now (status,
 * revision, errors, warnings, unexplained warnings), never what an earlier state had.
 */
@ReportsWebTest
class OfficeCountsTest {

    @TestTenant(jurisdiction = "city-counts", nameZh = "乌海市公安局")
    ManagedAgency police;

    @TestTenant(jurisdiction = "city-counts", nameZh = "乌海市教育局")
    ManagedAgency education;

    @TestTenant(jurisdiction = "city-counts", kind = AgencyKind.DISCLOSURE_OFFICE, nameZh = "计数市政务公开办")
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    private record Counts(String status, int revision, int errors, int warnings, int unexplainedWarnings) {}

    /** What the agency's own API says the report has now. */
    private Counts report(ManagedAgency agency, int year) throws Exception {
        String report = mvc.perform(get("/api/reports/" + year).with(editor(agency)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String findings = mvc.perform(get("/api/reports/" + year + "/findings").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Object> errors = JsonPath.read(findings, "$[?(@.severity=='error')]");
        List<Object> warnings = JsonPath.read(findings, "$[?(@.severity=='warning')]");
        List<Object> unexplained = JsonPath.read(findings, "$[?(@.severity=='warning' && !@.explanation)]");
        return new Counts(
                JsonPath.read(report, "$.status"),
                JsonPath.read(report, "$.revision"),
                errors.size(),
                warnings.size(),
                unexplained.size());
    }

    /** What the last lifecycle event of the report told the publishing service. */
    private Counts lastEvent(TestDatabase db, ManagedAgency agency, int year) {
        String payload = db.dsl()
                .select(OUTBOX.PAYLOAD)
                .from(OUTBOX)
                .where(
                        OUTBOX.AGGREGATE.eq("report:" + agency.slug() + ":" + year),
                        OUTBOX.TYPE.in(Arrays.stream(ReportChange.values())
                                .map(ReportChange::eventType)
                                .toList()))
                .orderBy(OUTBOX.ID.desc())
                .limit(1)
                .fetchSingle()
                .value1()
                .data();
        return new Counts(
                JsonPath.read(payload, "$.status"),
                JsonPath.read(payload, "$.revision"),
                JsonPath.read(payload, "$.errors"),
                JsonPath.read(payload, "$.warnings"),
                JsonPath.read(payload, "$.unexplainedWarnings"));
    }

    private Counts agree(TestDatabase db, ManagedAgency agency, int year) throws Exception {
        Counts now = report(agency, year);
        assertThat(lastEvent(db, agency, year)).isEqualTo(now);
        return now;
    }

    private ResultActions edit(String body) throws Exception {
        int revision = report(police, 2021).revision();
        return mvc.perform(patch("/api/reports/2021")
                .with(editor(police))
                .header("If-Match", "\"r" + revision + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions act(JwtRequestPostProcessor who, String action, String extra) throws Exception {
        return mvc.perform(post("/api/reports/2021/transitions")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\"" + extra + "}"));
    }

    private ResultActions office(JwtRequestPostProcessor who, String action, String extra) throws Exception {
        return mvc.perform(post("/api/office/reports/" + police.slug() + "/2021/transitions")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\"" + extra + "}"));
    }

    @Test
    void everyChangeAnnouncesTheCountsTheReportHasNow(TestDatabase db) throws Exception {
        // Import into a year with no report: the empty draft it starts from has dozens of errors, the import none.
        mvc.perform(post("/api/reports/2021/import")
                        .with(editor(police))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(Fixtures.bytes("fixtures/wuhai-psb-2021.txt")))
                .andExpect(status().isOk());
        Counts imported = agree(db, police, 2021);
        assertThat(imported.errors()).isZero();
        String created = db.dsl()
                .select(OUTBOX.PAYLOAD)
                .from(OUTBOX)
                .where(OUTBOX.AGGREGATE.eq("report:" + police.slug() + ":2021"), OUTBOX.TYPE.eq("ReportCreated"))
                .fetchSingle()
                .value1()
                .data();
        assertThat(JsonPath.<Integer>read(created, "$.errors")).isGreaterThan(0);

        // A PATCH that breaks a total, then one that mends it: no change of status, still announced.
        String received = JsonPath.read(
                        mvc.perform(get("/api/reports/2021").with(editor(police)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.cells['s3.received.total']")
                .toString();
        edit(Reports.patch(Map.of("s3.received.total", Long.parseLong(received) + 1)))
                .andExpect(status().isOk());
        assertThat(agree(db, police, 2021).errors()).isGreaterThan(0);
        edit(Reports.patch(Map.of("s3.received.total", Long.parseLong(received))))
                .andExpect(status().isOk());
        agree(db, police, 2021);

        // Transitions, with the warnings explained on submission.
        act(editor(police), "request-signoff", "").andExpect(status().isOk());
        agree(db, police, 2021);
        String findings = mvc.perform(get("/api/reports/2021/findings").with(editor(police)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> warnings = JsonPath.read(findings, "$[?(@.severity=='warning')].id");
        StringBuilder explanations = new StringBuilder();
        for (String warning : warnings) {
            explanations
                    .append(explanations.isEmpty() ? "" : ",")
                    .append("\"")
                    .append(warning)
                    .append("\":\"已核实\"");
        }
        act(approver(police), "submit", ",\"explanations\":{" + explanations + "}")
                .andExpect(status().isOk());
        assertThat(agree(db, police, 2021).unexplainedWarnings()).isZero();
        office(reviewer(office), "approve", "").andExpect(status().isOk());
        agree(db, police, 2021);
        office(officeAdmin(office), "publish", "").andExpect(status().isOk());
        assertThat(agree(db, police, 2021).status()).isEqualTo("PUBLISHED");

        // A correction, and the edit that follows it.
        office(officeAdmin(office), "correct", ",\"reason\":\"数字更正\"").andExpect(status().isOk());
        agree(db, police, 2021);
        edit(Reports.patch(Map.of("s4.review.upheld", 1, "s4.review.total", 1))).andExpect(status().isOk());
        agree(db, police, 2021);
    }

    @Test
    void aReportOnboardedFromAnArchiveIsCountedAsStored(TestDatabase db) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("2021/jiaoyu.txt"));
            zip.write(new String(Fixtures.bytes("fixtures/wuhai-psb-2021.txt"), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("乌海市公安局", "乌海市教育局")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        mvc.perform(multipart("/api/office/imports")
                        .file(new MockMultipartFile("file", "history.zip", "application/zip", out.toByteArray()))
                        .with(officeAdmin(office)))
                .andExpect(status().isOk());
        assertThat(agree(db, education, 2021).status()).isEqualTo("PUBLISHED");
    }
}
