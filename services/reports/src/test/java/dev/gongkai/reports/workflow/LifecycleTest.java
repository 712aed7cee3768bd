package dev.gongkai.reports.workflow;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.reports.Staff.approver;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.officeAdmin;
import static dev.gongkai.reports.Staff.reviewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ReportsWebTest
class LifecycleTest {

    @TestTenant(jurisdiction = "city-life", nameZh = "生命周期市公安局")
    ManagedAgency agency;

    @TestTenant(jurisdiction = "city-life", kind = AgencyKind.DISCLOSURE_OFFICE, nameZh = "生命周期市政务公开办")
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    /** The service writes events without null members; a missing reason reads as null. */
    private static final com.jayway.jsonpath.Configuration LEAF_TO_NULL =
            com.jayway.jsonpath.Configuration.defaultConfiguration()
                    .addOptions(com.jayway.jsonpath.Option.DEFAULT_PATH_LEAF_TO_NULL);

    private ResultActions act(JwtRequestPostProcessor who, String action, String extra) throws Exception {
        return mvc.perform(post("/api/reports/2024/transitions")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\"" + extra + "}"));
    }

    private ResultActions office(JwtRequestPostProcessor who, String action, String extra) throws Exception {
        return mvc.perform(post("/api/office/reports/" + agency.slug() + "/2024/transitions")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"" + action + "\"" + extra + "}"));
    }

    private int revision() throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/reports/2024").with(editor(agency)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.revision");
    }

    private ResultActions edit(String body) throws Exception {
        return mvc.perform(patch("/api/reports/2024")
                .with(editor(agency))
                .header("If-Match", "\"r" + revision() + "\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** Last year with the same problems text, so this year's report carries a PROBLEMS_COPIED warning. */
    private String completeDraftWithOneWarning() throws Exception {
        String patched = null;
        for (int year : new int[] {2023, 2024}) {
            mvc.perform(post("/api/reports")
                            .with(editor(agency))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"year\":" + year + "}"))
                    .andExpect(status().isCreated());
            patched = mvc.perform(patch("/api/reports/" + year)
                            .with(editor(agency))
                            .header("If-Match", "\"r1\"")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(Reports.completePatch(year, 0)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }
        String findings = mvc.perform(get("/api/reports/2024/findings").with(editor(agency)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The PATCH answer already judged the report against last year's.
        assertThat(JsonPath.<List<String>>read(patched, "$.findings[?(@.severity=='warning')].id"))
                .isEqualTo(JsonPath.<List<String>>read(findings, "$[?(@.severity=='warning')].id"));
        List<String> warnings = JsonPath.read(findings, "$[?(@.severity=='warning')].id");
        List<String> errors = JsonPath.read(findings, "$[?(@.severity=='error')].id");
        assertThat(errors).isEmpty();
        assertThat(warnings).hasSize(1);
        return warnings.getFirst();
    }

    /** The lifecycle events of the agency's 2024 report, in order, by type. */
    private List<String> statusEvents(TestDatabase db) {
        return db.dsl()
                .select(OUTBOX.TYPE)
                .from(OUTBOX)
                .where(OUTBOX.AGGREGATE.eq("report:" + agency.slug() + ":2024"), OUTBOX.TYPE.ne("ReportPublished"))
                .orderBy(OUTBOX.ID)
                .fetch(OUTBOX.TYPE);
    }

    private List<String> events(TestDatabase db, String type, String field) {
        return db.dsl()
                .select(OUTBOX.PAYLOAD)
                .from(OUTBOX)
                .where(OUTBOX.AGGREGATE.eq("report:" + agency.slug() + ":2024"), OUTBOX.TYPE.eq(type))
                .orderBy(OUTBOX.ID)
                .fetch(r -> String.valueOf((Object)
                        JsonPath.using(LEAF_TO_NULL).parse(r.value1().data()).read("$." + field)));
    }

    @Test
    void theWholeLifecycleReturnedOnceThenApprovedPublishedAndCorrected(TestDatabase db) throws Exception {
        String warning = completeDraftWithOneWarning();
        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(jsonPath("$.allowedActions").value(org.hamcrest.Matchers.contains("request-signoff")));

        act(editor(agency), "request-signoff", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING_SIGNOFF"));
        edit(Reports.patch(Map.of("s3.received.total", 6)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("report.frozen"))
                .andExpect(jsonPath("$.status").value("PENDING_SIGNOFF"))
                .andExpect(jsonPath("$.message_zh").value("报告正在等待签发，不能修改（请先撤回签发申请）"));
        act(approver(agency), "submit", "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("transition.blocked-by-findings"))
                .andExpect(jsonPath("$.unexplained_warnings[0]").value(warning));
        act(approver(agency), "submit", ",\"explanations\":{\"" + warning + "\":\"问题未变，改进仍在进行\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.unexplainedWarnings").value(0));

        edit(Reports.patch(Map.of("s3.received.total", 6)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("report.frozen"))
                .andExpect(jsonPath("$.message_zh").value("报告已报送，不能修改（已报送的报告在退回前不能修改）"))
                .andExpect(jsonPath("$.message_en")
                        .value("The report has been submitted and cannot be changed until it is returned"));

        mvc.perform(post("/api/office/reports/" + agency.slug() + "/2024/comments")
                        .with(reviewer(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"anchor\":\"s3.received.naturalPerson\",\"body\":\"请核实自然人申请数\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/office/reports/" + agency.slug() + "/2024").with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.findings[?(@.id=='" + warning + "')].explanation")
                        .value("问题未变，改进仍在进行"))
                .andExpect(jsonPath("$.comments[0].anchor").value("s3.received.naturalPerson"))
                .andExpect(jsonPath("$.allowedActions").value(org.hamcrest.Matchers.contains("return", "approve")));
        // The office-admin who is not also a reviewer may neither return nor approve, and is told so in both the
        // answer's allowedActions (which the console's buttons follow) and the refusal of the transition itself.
        mvc.perform(get("/api/office/reports/" + agency.slug() + "/2024").with(officeAdmin(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedActions").isEmpty());
        office(officeAdmin(office), "return", ",\"reason\":\"自然人申请数有误\"").andExpect(status().isForbidden());
        office(reviewer(office), "return", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        office(reviewer(office), "return", ",\"reason\":\"自然人申请数有误\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"));

        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("自然人申请数有误"));
        mvc.perform(get("/api/reports/2024/comments").with(editor(agency)))
                .andExpect(jsonPath("$[0].body").value("请核实自然人申请数"));
        edit("{\"narrative\":{\"s6\":\"无其他需要报告的事项。\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(get("/api/office/reports/" + agency.slug() + "/2024/revisions")
                        .with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/office/reports/" + agency.slug() + "/2024/revisions/2/diff/3")
                        .with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cells.length()").value(0))
                .andExpect(jsonPath("$.narrative[0].after").value("无其他需要报告的事项。"));

        act(approver(agency), "submit", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(get("/api/office/submissions?year=2024").with(reviewer(office)))
                .andExpect(jsonPath("$[?(@.agency == '" + agency.slug() + "')].correction")
                        .value(false));
        office(reviewer(office), "approve", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        office(officeAdmin(office), "publish", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(jsonPath("$.publishedOn").isString())
                .andExpect(jsonPath("$.publishedAt").isString());

        office(officeAdmin(office), "correct", ",\"reason\":\"行政复议数字更正\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        edit(Reports.patch(Map.of("s4.review.upheld", 1, "s4.review.total", 1))).andExpect(status().isOk());
        act(approver(agency), "submit", "").andExpect(status().isOk());
        // The office's queue says the resubmission is a correction of what the public reads.
        mvc.perform(get("/api/office/submissions?year=2024").with(reviewer(office)))
                .andExpect(jsonPath("$[?(@.agency == '" + agency.slug() + "')].correction")
                        .value(true));
        office(reviewer(office), "approve", "").andExpect(status().isOk());
        office(officeAdmin(office), "publish", "").andExpect(status().isOk());

        assertThat(statusEvents(db))
                .containsExactly(
                        "ReportCreated",
                        "ReportRedrafted",
                        "ReportSignoffRequested",
                        "ReportSubmitted",
                        "ReportReturned",
                        "ReportRedrafted",
                        "ReportSubmitted",
                        "ReportApproved",
                        "ReportMarkedPublished",
                        "ReportCorrectionStarted",
                        "ReportRedrafted",
                        "ReportSubmitted",
                        "ReportApproved",
                        "ReportMarkedPublished");
        assertThat(events(db, "ReportPublished", "correction")).containsExactly("false", "true");
        assertThat(events(db, "ReportPublished", "reason")).containsExactly("null", "行政复议数字更正");
        // The publication's number comes from this service's own sequence, so consumers never number by arrival.
        assertThat(events(db, "ReportPublished", "publication")).containsExactly("1", "2");
        assertThat(events(db, "ReportPublished", "jurisdiction")).containsOnly("city-life");
        mvc.perform(get("/api/reports/2024/audit/verify").with(editor(agency)))
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void errorsBlockSignOffAndSubmissionListingTheFindingIds() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        act(editor(agency), "request-signoff", "")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors").isNotEmpty())
                .andExpect(jsonPath("$.findings[0].id").isString());
        act(approver(agency), "submit", "").andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/reports/2024").with(editor(agency)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void aWrongRoleIsForbiddenAndAWrongStatusIsAConflictNamingTheStatus() throws Exception {
        completeDraftWithOneWarning();
        act(editor(agency), "submit", "").andExpect(status().isForbidden());
        act(approver(agency), "approve", "").andExpect(status().isForbidden());
        office(reviewer(office), "approve", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        office(reviewer(office), "publish", "").andExpect(status().isForbidden());
        act(editor(agency), "withdraw", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        act(editor(agency), "fly", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("action"));
        act(editor(agency), "request-signoff", "").andExpect(status().isOk());
        act(editor(agency), "withdraw", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerWithoutASecondChange(TestDatabase db) throws Exception {
        completeDraftWithOneWarning();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/api/reports/2024/transitions")
                            .with(editor(agency))
                            .header("Idempotency-Key", "k-1")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"action\":\"request-signoff\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("PENDING_SIGNOFF"))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Idempotent-Replayed", String.valueOf(i > 0)));
        }
        assertThat(statusEvents(db)).containsExactly("ReportCreated", "ReportRedrafted", "ReportSignoffRequested");
        mvc.perform(post("/api/reports/2024/transitions")
                        .with(editor(agency))
                        .header("Idempotency-Key", "k-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"withdraw\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("idempotency-key.reused"));
    }
}
