package dev.gongkai.publishing;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ApiEndpoints;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint of the publishing service, called with the tokens of another city's agency and office: none
 * reveals agency B's name, its recorded website address or its office's settings, and none changes them. A new
 * endpoint fails {@link #theListCoversEveryApiEndpoint} until it is added here. (The public portal is public by
 * design and shows published reports only.)
 */
@PublishingTest
class PublishingIsolationTest {

    private static final String SECRET_URL = "https://yi.example.gov.cn/zfxxgk/ndbg/secret-2021.html";

    @TestTenant(jurisdiction = "iso-pub-a", nameZh = "甲市某局")
    static ManagedAgency agencyA;

    @TestTenant(jurisdiction = "iso-pub-a", kind = AgencyKind.DISCLOSURE_OFFICE, nameZh = "甲市政务公开办")
    static ManagedAgency officeA;

    @TestTenant(jurisdiction = "iso-pub-b", nameZh = "乙市保密局")
    static ManagedAgency agencyB;

    @TestTenant(jurisdiction = "iso-pub-b", kind = AgencyKind.DISCLOSURE_OFFICE, nameZh = "乙市政务公开办")
    static ManagedAgency officeB;

    @TestTenant(jurisdiction = "iso-pub-b", kind = AgencyKind.POLICE_BRANCH, nameZh = "乙市保密局一分局")
    static ManagedAgency branchB1;

    @TestTenant(jurisdiction = "iso-pub-b", kind = AgencyKind.POLICE_BRANCH, nameZh = "乙市保密局二分局")
    static ManagedAgency branchB2;

    private static boolean prepared;

    @Autowired
    MockMvc mvc;

    @Autowired
    DSLContext dsl;

    @Autowired
    Events events;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void giveBAPublishedReportAnAddressAndASchedule() throws Exception {
        if (prepared) {
            return;
        }
        prepared = true;
        dsl.update(AGENCY)
                .set(AGENCY.PARENT_SLUG, agencyB.slug().value())
                .where(AGENCY.SLUG.in(branchB1.slug().value(), branchB2.slug().value()))
                .execute();
        events.published(agencyB, 2021, Reports.json("乙市保密局", 2021, 2), Reports.beijing(2022, 1, 19));
        events.pump();
        mvc.perform(put("/api/reports/2021/website-url")
                        .with(editorOf(agencyB))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + SECRET_URL + "\"}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/office/reminder-schedule")
                        .with(officeOf(officeB))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"overdueEveryDays\": 5}"))
                .andExpect(status().isOk());
    }

    /** Every API endpoint, asked about agency B, its jurisdiction and its office. */
    private List<AbstractMockHttpServletRequestBuilder<?>> everyEndpointAboutB() {
        String b = agencyB.slug().value();
        String city = "iso-pub-b";
        String json = MediaType.APPLICATION_JSON_VALUE;
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(
                get("/api/notifications?year=2021"),
                get("/api/office/notifications?year=2021&agency=" + b),
                get("/api/office/compiled?year=2021&jurisdiction=" + city),
                get("/api/office/compiled.csv?year=2021&jurisdiction=" + city),
                get("/api/office/compiled.html?year=2021&jurisdiction=" + city),
                get("/api/office/compiled.pdf?year=2021&jurisdiction=" + city),
                put("/api/office/compiled/narrative?year=2021&scope=own&jurisdiction=" + city)
                        .contentType(json)
                        .header("If-Match", "\"c0\"")
                        .content("{\"s6\": \"无\"}"),
                post("/api/office/compiled/publications?year=2021&scope=own&jurisdiction=" + city)
                        .header("If-Match", "\"c0\""),
                get("/api/office/compliance?year=2021&jurisdiction=" + city),
                get("/api/office/scorecards?year=2021&jurisdiction=" + city),
                get("/api/office/scorecard-pack?year=2021&jurisdiction=" + city),
                put("/api/office/scorecard-pack?jurisdiction=" + city)
                        .contentType(json)
                        .content("{}"),
                get("/api/office/reminder-schedule?jurisdiction=" + city),
                put("/api/office/reminder-schedule?jurisdiction=" + city)
                        .contentType(json)
                        .content("{\"overdueEveryDays\": 1}"),
                post("/api/office/reminders").contentType(json).content("{\"year\": 2021, \"agency\": \"" + b + "\"}"),
                get("/api/reports/2021/website-url"),
                put("/api/reports/2021/website-url")
                        .contentType(json)
                        .content("{\"url\":\"https://jia.example.gov.cn/a.html\"}"),
                get("/api/branches?year=2021"),
                get("/api/admin/dead-events"),
                post("/api/admin/dead-events/1/requeue"));
    }

    @Test
    void theListCoversEveryApiEndpoint() {
        assertThat(ApiEndpoints.uncovered(mappings, everyEndpointAboutB())).isEmpty();
    }

    @Test
    void anotherCitysAgencyLearnsNothingOfB() throws Exception {
        assertNothingOfB(editorOf(agencyA));
    }

    @Test
    void anotherCitysOfficeLearnsNothingOfBAndChangesNothing() throws Exception {
        assertNothingOfB(officeOf(officeA));
        mvc.perform(get("/api/office/compiled?year=2021&scope=own").with(officeOf(officeB)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"c0\""))
                .andExpect(jsonPath("$.publications").isEmpty());
        mvc.perform(get("/api/office/reminder-schedule").with(officeOf(officeB)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdueEveryDays").value(5));
        mvc.perform(get("/api/reports/2021/website-url").with(editorOf(agencyB)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value(SECRET_URL));
    }

    @Test
    void anotherCitysAgencyAdminSeesNoBranchOfB() throws Exception {
        var adminA = token("admin-a", List.of(agencyA.slug()), Roles.AGENCY_ADMIN, Roles.AGENCY_APPROVER);
        String body = mvc.perform(get("/api/branches?year=2021").with(adminA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branches", hasSize(0)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("乙市保密局");
        mvc.perform(get("/api/branches?year=2021")
                        .with(adminA)
                        .header("X-Agency", agencyB.slug().value()))
                .andExpect(status().isNotFound());
        // B's own admin sees both branches: the list above is empty because A has none, not because it is broken.
        mvc.perform(get("/api/branches?year=2021").with(token("admin-b", List.of(agencyB.slug()), Roles.AGENCY_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branches", hasSize(2)));
    }

    @Test
    void aBranchSeesNeitherItsParentNorItsSiblings() throws Exception {
        var adminB1 = token("admin-b1", List.of(branchB1.slug()), Roles.AGENCY_ADMIN, Roles.AGENCY_APPROVER);
        String body = mvc.perform(get("/api/branches?year=2021").with(adminB1))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.branches", hasSize(0)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .doesNotContain("乙市保密局", branchB2.slug().value(), agencyB.slug().value());
        for (ManagedAgency other : List.of(agencyB, branchB2)) {
            mvc.perform(get("/api/branches?year=2021")
                            .with(adminB1)
                            .header("X-Agency", other.slug().value()))
                    .andExpect(status().isNotFound());
        }
    }

    /** The class's agencies are removed after it; a parent link would hold them. */
    @AfterAll
    static void unlink() {
        TestDatabase.shared()
                .dsl()
                .update(AGENCY)
                .setNull(AGENCY.PARENT_SLUG)
                .where(AGENCY.SLUG.in(branchB1.slug().value(), branchB2.slug().value()))
                .execute();
    }

    private void assertNothingOfB(JwtRequestPostProcessor who) throws Exception {
        for (var request : everyEndpointAboutB()) {
            var exchange = mvc.perform(request.with(who)).andReturn();
            String call = exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getRequestURI() + "?"
                    + exchange.getRequest().getQueryString();
            String body = exchange.getResponse().getContentAsString();
            assertThat(exchange.getResponse().getStatus()).as(call).isLessThan(500);
            // Identifiers the caller sent may come back in a problem; what B holds may not.
            assertThat(body).as(call).doesNotContain("乙市保密局", "乙市政务公开办", SECRET_URL);
        }
    }
}
