package dev.gongkai.publishing.branches;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.publishing.Events;
import dev.gongkai.publishing.PublishingTest;
import dev.gongkai.publishing.Reports;
import dev.gongkai.publishing.TestClock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

@PublishingTest
class BranchesTest {

    @TestTenant(jurisdiction = "branch-city", nameZh = "枝市公安局")
    ManagedAgency police;

    @TestTenant(jurisdiction = "branch-east", nameZh = "枝市公安局东区分局", kind = AgencyKind.POLICE_BRANCH)
    ManagedAgency east;

    @TestTenant(jurisdiction = "branch-east", nameZh = "东区分局某派出所", kind = AgencyKind.POLICE_BRANCH)
    ManagedAgency station;

    @TestTenant(jurisdiction = "branch-west", nameZh = "枝市公安局西区分局", kind = AgencyKind.POLICE_BRANCH)
    ManagedAgency west;

    @TestTenant(jurisdiction = "branch-city", nameZh = "枝市政务公开办", kind = AgencyKind.DISCLOSURE_OFFICE)
    ManagedAgency office;

    @Autowired
    MockMvc mvc;

    @Autowired
    Events events;

    @Autowired
    TestClock.Settable clock;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void branches() {
        link(east, police);
        link(west, police);
        link(station, east);
        clock.set(Reports.beijing(2022, 2, 10));
        events.status(east, 2021, "submit", "SUBMITTED", 3, Reports.beijing(2022, 1, 12), 0, 2, 0);
        events.published(east, 2021, Reports.json("枝市公安局东区分局", 2021, 2), Reports.beijing(2022, 2, 3));
        events.status(station, 2021, "edit", "DRAFT", 5, Reports.beijing(2022, 1, 5), 1, 4, 4);
        events.pump();
    }

    /** The test's agencies are removed after each test; a parent link would hold them. */
    @AfterEach
    void unlink() {
        dsl.update(AGENCY)
                .setNull(AGENCY.PARENT_SLUG)
                .where(AGENCY.SLUG.in(
                        east.slug().value(), west.slug().value(), station.slug().value()))
                .execute();
    }

    private void link(ManagedAgency branch, ManagedAgency parent) {
        dsl.update(AGENCY)
                .set(AGENCY.PARENT_SLUG, parent.slug().value())
                .where(AGENCY.SLUG.eq(branch.slug().value()))
                .execute();
    }

    private static JwtRequestPostProcessor as(ManagedAgency agency, String role) {
        return token(role + "-" + agency.slug(), List.of(agency.slug()), role);
    }

    @Test
    void theParentsAdminAndApproverSeeEveryBranchAtAnyDepthWithStatusCountsDatesAndLateness() throws Exception {
        for (String role : List.of(Roles.AGENCY_ADMIN, Roles.AGENCY_APPROVER)) {
            String body = mvc.perform(get("/api/branches").param("year", "2021").with(as(police, role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.year").value(2021))
                    .andExpect(jsonPath("$.branches", hasSize(3)))
                    // Parents before their branches.
                    .andExpect(jsonPath("$.branches[2].agency")
                            .value(station.slug().value()))
                    .andExpect(
                            jsonPath("$.branches[2].parent").value(east.slug().value()))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].status",
                                    east.slug().value())
                            .value("PUBLISHED"))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].late",
                                    east.slug().value())
                            .value(true))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].warnings",
                                    east.slug().value())
                            .value(2))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].submittedAt",
                                    east.slug().value())
                            .value("2022-01-12T02:00:00Z"))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].publishedAt",
                                    east.slug().value())
                            .value("2022-02-03T02:00:00Z"))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].status",
                                    station.slug().value())
                            .value("DRAFT"))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].errors",
                                    station.slug().value())
                            .value(1))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].overdue",
                                    station.slug().value())
                            .value(true))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].nameZh",
                                    west.slug().value())
                            .value("枝市公安局西区分局"))
                    .andExpect(jsonPath(
                                    "$.branches[?(@.agency=='%s')].status",
                                    west.slug().value())
                            .isEmpty())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            // Progress only: nothing of the published document (its figures or text) comes along.
            assertThat(body).doesNotContain("received", "总计", "document");
        }
    }

    @Test
    void anEditorOfTheParentAndTheOfficeActingOnItAreRefused() throws Exception {
        mvc.perform(get("/api/branches").param("year", "2021").with(editorOf(police)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/branches")
                        .param("year", "2021")
                        .with(officeOf(office))
                        .header("X-Agency", police.slug().value()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBranchSeesOnlyWhatIsBelowIt() throws Exception {
        mvc.perform(get("/api/branches").param("year", "2021").with(as(east, Roles.AGENCY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branches", hasSize(1)))
                .andExpect(jsonPath("$.branches[0].agency").value(station.slug().value()));
        mvc.perform(get("/api/branches").param("year", "2021").with(as(west, Roles.AGENCY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branches", hasSize(0)));
    }

    @Test
    void aYearIsRequired() throws Exception {
        mvc.perform(get("/api/branches").with(as(police, Roles.AGENCY_ADMIN))).andExpect(status().isBadRequest());
    }
}
