package dev.gongkai.tenants.registry;

import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.member;
import static dev.gongkai.platform.testing.TestTokens.officeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two agencies in two cities: whatever one agency's staff (or the other city's office) asks about the other agency,
 * the answer reveals nothing — 404 for anything naming it, 403 for what their role does not allow.
 */
@TenantsWebTest
class AgencyIsolationTest {

    @TestTenant(jurisdiction = "city-a")
    static ManagedAgency agencyA;

    @TestTenant(jurisdiction = "city-b")
    static ManagedAgency agencyB;

    @TestTenant(jurisdiction = "city-a", kind = AgencyKind.DISCLOSURE_OFFICE)
    static ManagedAgency officeA;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Every API endpoint, written as it would be called about agency B. */
    private List<MockHttpServletRequestBuilder> everyEndpointAboutB() {
        return everyEndpointAbout(agencyB);
    }

    /** Every API endpoint, written as it would be called about one agency. */
    private static List<MockHttpServletRequestBuilder> everyEndpointAbout(ManagedAgency agency) {
        String b = agency.slug().value();
        return List.of(
                get("/api/agencies/me"),
                get("/api/me"),
                get("/api/agencies"),
                get("/api/agencies/" + b),
                get("/api/jurisdictions"),
                get("/api/jurisdictions/" + agency.jurisdiction()),
                post("/api/jurisdictions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"city-x\",\"nameZh\":\"X\"}"),
                post("/api/agencies").contentType(MediaType.APPLICATION_JSON).content("""
                        {"slug":"%s","nameZh":"B","kind":"DEPARTMENT","jurisdiction":"%s"}""".formatted(
                                b, agency.jurisdiction())),
                post("/api/agencies/" + b + "/suspend"),
                post("/api/agencies/" + b + "/archive"),
                post("/api/agencies/" + b + "/activate"),
                put("/api/agencies/" + b + "/branch-delegation")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branchUsersDelegated\":true}"),
                post("/api/admin/migrate-all"),
                get("/api/admin/agencies/" + b + "/export"),
                post("/api/admin/agencies/restore")
                        .contentType("application/zip")
                        .content(new byte[0]),
                get("/api/admin/migrations"),
                get("/api/agencies/" + b + "/users"),
                post("/api/agencies/" + b + "/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"intruder\",\"roles\":[\"agency-admin\"]}"),
                post("/api/agencies/" + b + "/users/" + b + "-admin/disable"),
                post("/api/agencies/" + b + "/users/" + b + "-admin/enable"),
                put("/api/agencies/" + b + "/users/" + b + "-admin/roles")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"agency-editor\"]}"),
                delete("/api/agencies/" + b + "/users/" + b + "-admin"));
    }

    @Test
    void theListAboveCoversEveryApiEndpoint() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/"))
                        .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m + " " + p))));
        assertThat(mapped)
                .containsExactlyInAnyOrder(
                        "GET /api/agencies/me",
                        "GET /api/me",
                        "GET /api/agencies",
                        "GET /api/agencies/{slug}",
                        "GET /api/jurisdictions",
                        "GET /api/jurisdictions/{slug}",
                        "POST /api/jurisdictions",
                        "POST /api/agencies",
                        "POST /api/agencies/{slug}/suspend",
                        "POST /api/agencies/{slug}/archive",
                        "POST /api/agencies/{slug}/activate",
                        "PUT /api/agencies/{slug}/branch-delegation",
                        "POST /api/admin/migrate-all",
                        "GET /api/admin/agencies/{slug}/export",
                        "POST /api/admin/agencies/restore",
                        "GET /api/admin/migrations",
                        "GET /api/agencies/{slug}/users",
                        "POST /api/agencies/{slug}/users",
                        "POST /api/agencies/{slug}/users/{username}/disable",
                        "POST /api/agencies/{slug}/users/{username}/enable",
                        "PUT /api/agencies/{slug}/users/{username}/roles",
                        "DELETE /api/agencies/{slug}/users/{username}");
    }

    @Test
    void anotherAgencysStaffLearnNothingAboutIt() throws Exception {
        for (var request : everyEndpointAboutB()) {
            var exchange = mvc.perform(request.with(editorOf(agencyA))).andReturn();
            var result = exchange.getResponse();
            String uri = exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getRequestURI();
            if (uri.equals("GET /api/agencies/me") || uri.equals("GET /api/me")) {
                assertThat(result.getStatus()).isEqualTo(200);
                assertThat(result.getContentAsString())
                        .contains(agencyA.slug().value())
                        .doesNotContain(agencyB.slug().value());
            } else {
                assertThat(result.getStatus()).as(uri).isIn(403, 404);
                assertThat(result.getContentAsString())
                        .as(uri)
                        .doesNotContain("\"nameZh\"")
                        .doesNotContain("\"status\":\"ACTIVE\"");
            }
        }
    }

    @Test
    void namingAnotherAgencyInXAgencyIsNotFoundOnEveryEndpoint() throws Exception {
        for (var request : everyEndpointAboutB()) {
            mvc.perform(request.with(editorOf(agencyA))
                            .header("X-Agency", agencyB.slug().value()))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("agency.not-found"));
        }
    }

    @Test
    void anotherCitysOfficeLearnsNothingAboutTheAgency() throws Exception {
        for (var request : everyEndpointAboutB()) {
            var exchange = mvc.perform(request.with(officeOf(officeA))).andReturn();
            var result = exchange.getResponse();
            String uri = exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getRequestURI();
            if (uri.equals("GET /api/agencies/me") || uri.equals("GET /api/me")) {
                assertThat(result.getContentAsString())
                        .contains(officeA.slug().value())
                        .doesNotContain(agencyB.slug().value());
            } else if (result.getStatus() == 200) {
                // The office's own lists: its city only.
                assertThat(result.getContentAsString())
                        .as(uri)
                        .doesNotContain(agencyB.slug().value())
                        .doesNotContain("city-b");
            } else {
                assertThat(result.getStatus()).as(uri).isIn(403, 404);
            }
        }
        mvc.perform(get("/api/agencies/me")
                        .with(officeOf(officeA))
                        .header("X-Agency", agencyB.slug().value()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOfficeActsOnAgenciesOfItsOwnJurisdiction() throws Exception {
        mvc.perform(get("/api/agencies/me")
                        .with(officeOf(officeA))
                        .header("X-Agency", agencyA.slug().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(agencyA.slug().value()))
                .andExpect(jsonPath("$.jurisdiction.slug").value("city-a"));
        mvc.perform(get("/api/agencies").with(officeOf(officeA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                agencyA.slug().value(), officeA.slug().value())));
    }

    @Test
    void staffSeeTheirOwnAgency() throws Exception {
        mvc.perform(get("/api/agencies/me").with(editorOf(agencyA)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(agencyA.slug().value()))
                .andExpect(jsonPath("$.kind").value("DEPARTMENT"))
                .andExpect(jsonPath("$.jurisdiction.slug").value("city-a"));
        mvc.perform(get("/api/agencies/" + agencyA.slug()).with(editorOf(agencyA)))
                .andExpect(status().isOk());
    }

    /**
     * Editor in A, admin in B (each agency's roles held there only): on every endpoint, about either agency and
     * acting for either, they can do exactly what an editor of A and an admin of B may — see both agencies and
     * manage B's users — and nothing more: A's users stay out of reach whatever agency they act for.
     */
    @Test
    void aPersonWithDifferentRolesInTwoAgenciesHasEachRoleOnlyWhereItIsHeld() throws Exception {
        var twoRoles = member(
                "editor-a-admin-b",
                Map.of(agencyA.slug(), Set.of(Roles.AGENCY_EDITOR), agencyB.slug(), Set.of(Roles.AGENCY_ADMIN)));
        for (ManagedAgency about : List.of(agencyA, agencyB)) {
            for (ManagedAgency acting : List.of(agencyA, agencyB)) {
                for (var request : everyEndpointAbout(about)) {
                    var exchange = mvc.perform(request.with(twoRoles)
                                    .header("X-Agency", acting.slug().value()))
                            .andReturn();
                    int status = exchange.getResponse().getStatus();
                    String body = exchange.getResponse().getContentAsString();
                    String call = exchange.getRequest().getMethod() + " "
                            + exchange.getRequest().getRequestURI() + " acting for " + acting.slug();
                    String path = exchange.getRequest().getRequestURI();
                    if (path.equals("/api/agencies/me")) {
                        assertThat(status).as(call).isEqualTo(200);
                        assertThat(body).as(call).contains("\"slug\":\"" + acting.slug() + "\"");
                    } else if (path.equals("/api/me")) {
                        assertThat(body)
                                .as(call)
                                .contains(
                                        "{\"slug\":\"" + agencyA.slug() + "\",\"nameZh\"",
                                                "\"roles\":[\"agency-editor\"]}",
                                        "{\"slug\":\"" + agencyB.slug() + "\",\"nameZh\"",
                                                "\"roles\":[\"agency-admin\"]}");
                    } else if (path.equals("/api/agencies/" + about.slug())
                            && exchange.getRequest().getMethod().equals("GET")) {
                        assertThat(status).as(call).isEqualTo(200);
                    } else if (path.startsWith("/api/agencies/" + about.slug() + "/users") && about == agencyB) {
                        // Past the role check; this application runs without Keycloak (503), and B has no such user.
                        assertThat(status).as(call).isIn(503, 404);
                        assertThat(body).as(call).containsAnyOf("keycloak.disabled", "user.not-found");
                    } else {
                        assertThat(status).as(call).isIn(403, 404);
                        assertThat(body).as(call).doesNotContain("\"nameZh\"");
                    }
                }
            }
        }
    }
}
