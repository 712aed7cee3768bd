package dev.gongkai.reports.audit;

import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.editorAndApprover;
import static dev.gongkai.reports.Staff.reviewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.platform.testing.TestTokens;
import dev.gongkai.reports.Reports;
import dev.gongkai.reports.ReportsWebTest;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ReportsWebTest
class WorkflowStepsTest {

    @TestTenant(jurisdiction = "city-steps", slug = "steps-bureau")
    ManagedAgency agency;

    @TestTenant(jurisdiction = "city-steps", slug = "steps-office", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @TestTenant(jurisdiction = "city-steps-other", slug = "steps-other-office", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency otherOffice;

    /** A police 分局 registered in a district of the city. */
    @TestTenant(jurisdiction = "city-steps-district", slug = "steps-branch", kind = AgencyKind.POLICE_BRANCH)
    ManagedAgency branch;

    @Autowired
    DSLContext dsl;

    @Autowired
    MockMvc mvc;

    private void draft(ManagedAgency agency) throws Exception {
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
    }

    private void submit(ManagedAgency agency) throws Exception {
        mvc.perform(post("/api/reports/2024/transitions")
                        .with(editorAndApprover(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"submit\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void theCityOfficeOpensTheSubmissionOfAnAgencyInADistrictBelowIt() throws Exception {
        dsl.update(JURISDICTION)
                .set(JURISDICTION.PARENT_SLUG, "city-steps")
                .where(JURISDICTION.SLUG.eq("city-steps-district"))
                .execute();
        draft(branch);
        submit(branch);
        // The queue lists it; its review and its steps open as for the city's own agencies.
        mvc.perform(get("/api/office/submissions?year=2024").with(reviewer(office)))
                .andExpect(jsonPath("$[?(@.agency=='steps-branch')].status").value("SUBMITTED"));
        mvc.perform(get("/api/office/reports/steps-branch/2024").with(reviewer(office)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/office/reports/steps-branch/2024/steps").with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action").value(contains("create", "submit")));
        mvc.perform(get("/api/office/reports/steps-branch/2024").with(reviewer(otherOffice)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOfficeSeesWhoSignedOffAndWhenButNotWhatWasTypedIntoTheDraft() throws Exception {
        String steps = "/api/office/reports/" + agency.slug() + "/2024/steps";
        draft(agency);
        // A draft never submitted is the agency's own.
        mvc.perform(get(steps).with(reviewer(office))).andExpect(status().isNotFound());

        mvc.perform(post("/api/reports/2024/transitions")
                        .with(editor(agency))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"request-signoff\"}"))
                .andExpect(status().isOk());
        submit(agency);
        mvc.perform(post("/api/office/reports/" + agency.slug() + "/2024/transitions")
                        .with(reviewer(office))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"return\",\"reason\":\"请核实表三\"}"))
                .andExpect(status().isOk());

        mvc.perform(get(steps).with(reviewer(office)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].action").value(contains("create", "request-signoff", "submit", "return")))
                .andExpect(jsonPath("$[2].actor").value("head-" + agency.slug()))
                .andExpect(jsonPath("$[2].at").isString())
                .andExpect(jsonPath("$[3].reason").value("请核实表三"))
                .andExpect(content().string(not(containsString("s3.received"))));
        mvc.perform(get(steps).with(reviewer(otherOffice))).andExpect(status().isNotFound());
        mvc.perform(get(steps).with(editor(agency))).andExpect(status().isForbidden());
    }

    @Test
    void everyRevisionAndStepNamesItsPersonByFullNameWithTheAgencyTheyActedFor() throws Exception {
        var li = TestTokens.named(
                "伟", "李", "li-" + agency.slug(), List.of(agency.slug()), Roles.AGENCY_EDITOR, Roles.AGENCY_APPROVER);
        var wang = TestTokens.named("晓梅", "王", "wang-" + office.slug(), List.of(office.slug()), Roles.OFFICE_REVIEWER);
        mvc.perform(post("/api/reports")
                        .with(li)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2024}"))
                .andExpect(status().isCreated());
        mvc.perform(patch("/api/reports/2024")
                        .with(li)
                        .header("If-Match", "\"r1\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(Reports.completePatch(2024, 0)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reports/2024/transitions")
                        .with(li)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"submit\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/office/reports/" + agency.slug() + "/2024/transitions")
                        .with(wang)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"return\",\"reason\":\"请核实\"}"))
                .andExpect(status().isOk());

        String agencyName = dsl.select(dev.gongkai.platform.jooq.core.Tables.AGENCY.NAME_ZH)
                .from(dev.gongkai.platform.jooq.core.Tables.AGENCY)
                .where(dev.gongkai.platform.jooq.core.Tables.AGENCY.SLUG.eq(
                        agency.slug().value()))
                .fetchSingle()
                .value1();
        mvc.perform(get("/api/reports/2024/revisions").with(li))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].author")
                        .value(everyItem(endsWith(agency.slug().value()))))
                .andExpect(jsonPath("$[*].authorName").value(contains("李伟", "李伟")))
                .andExpect(jsonPath("$[*].authorAgency").value(contains(agencyName, agencyName)));
        mvc.perform(get("/api/reports/2024/audit").with(li))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].actorName").value(contains("李伟", "李伟", "李伟", "王晓梅")));
        mvc.perform(get("/api/office/reports/" + agency.slug() + "/2024/steps").with(wang))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].actorName").value(contains("李伟", "李伟", "王晓梅")))
                .andExpect(jsonPath("$[2].actor").value("wang-" + office.slug()))
                .andExpect(jsonPath("$[2].actorAgency").value(endsWith("政务公开办")))
                .andExpect(jsonPath("$[0].actorAgency").value(agencyName));
        // The hash chain still holds: the names are how pages show people, the username is what it chains.
        mvc.perform(get("/api/reports/2024/audit/verify").with(li))
                .andExpect(jsonPath("$.intact").value(true));
    }
}
