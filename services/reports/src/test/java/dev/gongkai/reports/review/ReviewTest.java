package dev.gongkai.reports.review;

import static dev.gongkai.reports.Staff.approver;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.editorAndApprover;
import static dev.gongkai.reports.Staff.reviewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@ReportsWebTest
class ReviewTest {

    @TestTenant(jurisdiction = "city-review", slug = "rv-b-bureau")
    ManagedAgency submitting;

    @TestTenant(jurisdiction = "city-review", slug = "rv-a-bureau")
    ManagedAgency idle;

    @TestTenant(
            jurisdiction = "city-review",
            slug = "rv-office",
            nameZh = "审核测试市人民政府办公室",
            kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "city-elsewhere")
    ManagedAgency elsewhere;

    @Autowired
    MockMvc mvc;

    private void submit(ManagedAgency agency) throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        mvc.perform(patch("/api/reports/2024")
                        .with(editor(agency))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.completePatch(2024, 0)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reports/2024/transitions")
                        .with(editorAndApprover(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"submit\"}"))
                .andExpect(status().isOk());
    }

    private ResultActions comment(String body) throws Exception {
        return mvc.perform(post("/api/office/reports/" + submitting.slug() + "/2024/comments")
                .with(reviewer(office))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void listsEveryAgencyOfTheJurisdictionByDeadlineWithItsStatus() throws Exception {
        submit(submitting);
        submit(elsewhere);
        mvc.perform(get("/api/office/submissions?year=2024").with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].agency").value(contains("rv-a-bureau", "rv-b-bureau", "rv-office")))
                .andExpect(jsonPath("$[0].status").value("NOT_STARTED"))
                .andExpect(jsonPath("$[1].status").value("SUBMITTED"))
                .andExpect(jsonPath("$[1].deadline").value("2025-01-31"))
                .andExpect(jsonPath("$[2].deadline").value("2025-03-31"))
                .andExpect(jsonPath("$[*].agency")
                        .value(not(hasItem(elsewhere.slug().value()))));
        mvc.perform(get("/api/office/submissions?year=2024&status=SUBMITTED").with(reviewer(office)))
                .andExpect(jsonPath("$[*].agency").value(contains("rv-b-bureau")));
        mvc.perform(get("/api/office/submissions?year=2024&status=LOST").with(reviewer(office)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/office/submissions?year=2024").with(editor(submitting)))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutAYearTheListIsOfTheCycleBeingDrafted() throws Exception {
        // The console opens its queue on the same year (ReportCycle.drafting): in December the year that is ending.
        int drafting = dev.gongkai.report.rules.ReportCycle.drafting(dev.gongkai.report.rules.ReportCycle.today());
        mvc.perform(get("/api/office/submissions").with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(drafting))
                .andExpect(jsonPath("$[0].deadline").value((drafting + 1) + "-01-31"));
    }

    @Test
    void anUnsubmittedDraftStaysTheAgencysOwnUntilItIsSubmitted() throws Exception {
        mvc.perform(post("/api/reports")
                        .with(editor(submitting))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        String report = "/api/office/reports/" + submitting.slug() + "/2024";
        for (String path : new String[] {report, report + "/revisions", report + "/comments"}) {
            mvc.perform(get(path).with(reviewer(office)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("report.not-found"));
        }
        comment("{\"anchor\":\"s1\",\"body\":\"太早了\"}").andExpect(status().isNotFound());

        mvc.perform(patch("/api/reports/2024")
                        .with(editor(submitting))
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.completePatch(2024, 0)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reports/2024/transitions")
                        .with(editorAndApprover(submitting))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"submit\"}"))
                .andExpect(status().isOk());
        mvc.perform(get(report).with(reviewer(office))).andExpect(status().isOk());
        mvc.perform(get(report + "/revisions").with(reviewer(office))).andExpect(status().isOk());
    }

    @Test
    void commentsSitOnACellOrASectionWithRepliesAndResolution() throws Exception {
        submit(submitting);
        comment("{\"anchor\":\"s3.granted.total\",\"body\":\"予以公开总数偏高，请说明\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fromOffice").value(true))
                .andExpect(jsonPath("$.authorAgency").value("测试辖区 city-review政务公开办"))
                .andExpect(jsonPath("$.authorName").value("reviewer-" + office.slug()));
        comment("{\"anchor\":\"s5\",\"body\":\"问题部分请具体写\"}").andExpect(status().isCreated());
        comment("{\"anchor\":\"s3.nowhere\",\"body\":\"x\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("anchor"));
        comment("{\"anchor\":\"s5\",\"body\":\" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("body"));

        String threads = mvc.perform(get("/api/reports/2024/comments").with(editor(submitting)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number first = com.jayway.jsonpath.JsonPath.read(threads, "$[0].id");
        mvc.perform(post("/api/reports/2024/comments/" + first + "/replies")
                        .with(editor(submitting))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"已核实，数字无误\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fromOffice").value(false));
        mvc.perform(post("/api/office/reports/" + submitting.slug() + "/2024/comments/" + first + "/resolve")
                        .with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolvedBy").isString());
        mvc.perform(get("/api/office/reports/" + submitting.slug() + "/2024/comments")
                        .with(reviewer(office)))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].replies[0].body").value("已核实，数字无误"))
                .andExpect(jsonPath("$[0].resolvedAt").isString())
                .andExpect(jsonPath("$[1].anchor").value("s5"));
        mvc.perform(get("/api/reports").with(editor(submitting)))
                .andExpect(jsonPath("$[0].openComments").value(1));
        // The agency's editor marks the other one dealt with; the approver may not, the list counts none open.
        Number second = com.jayway.jsonpath.JsonPath.read(threads, "$[1].id");
        mvc.perform(post("/api/reports/2024/comments/" + second + "/resolve").with(approver(submitting)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/reports/2024/comments/" + second + "/resolve").with(editor(submitting)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolvedBy").value("editor-" + submitting.slug()));
        mvc.perform(get("/api/reports").with(editor(submitting)))
                .andExpect(jsonPath("$[0].openComments").value(0));
        mvc.perform(get("/api/reports/2024/audit").with(editor(submitting)))
                .andExpect(jsonPath("$[*].action").value(hasItem("comment.add")))
                .andExpect(jsonPath("$[*].action").value(hasItem("comment.reply")))
                .andExpect(jsonPath("$[*].action").value(hasItem("comment.resolve")));
        mvc.perform(post("/api/office/reports/" + submitting.slug() + "/2024/comments/99999/resolve")
                        .with(reviewer(office)))
                .andExpect(status().isNotFound());
    }
}
