package dev.gongkai.reports;

import static dev.gongkai.reports.Staff.editor;
import static dev.gongkai.reports.Staff.editorAndApprover;
import static dev.gongkai.reports.Staff.officeBoth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ApiEndpoints;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Agency B (city B) has a report with a comment and an attachment. Whatever agency A's staff, or city A's office,
 * ask about it through any endpoint, the answer is 403 or 404 and holds nothing of B's.
 */
@ReportsWebTest
class TenantIsolationTest {

    private static final String SECRET = "乙机构的秘密总体情况";

    @TestTenant(jurisdiction = "iso-city-a")
    static ManagedAgency agencyA;

    @TestTenant(jurisdiction = "iso-city-a", kind = AgencyKind.DISCLOSURE_OFFICE)
    static ManagedAgency officeA;

    @TestTenant(jurisdiction = "iso-city-b", nameZh = "乙市某局")
    static ManagedAgency agencyB;

    @TestTenant(jurisdiction = "iso-city-b", kind = AgencyKind.DISCLOSURE_OFFICE)
    static ManagedAgency officeB;

    private static boolean prepared;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void giveBAReportWithACommentAndAnAttachment() throws Exception {
        if (prepared) {
            return;
        }
        prepared = true;
        mvc.perform(post("/api/reports")
                .with(editor(agencyB))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2024}"));
        mvc.perform(patch("/api/reports/2024")
                .with(editor(agencyB))
                .header("If-Match", "\"r1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"narrative\":{\"s1\":\"" + SECRET + "\"}}"));
        mvc.perform(multipart("/api/reports/2024/attachments")
                .file(new MockMultipartFile(
                        "file", "b.pdf", "application/pdf", "%PDF-1.4 b".getBytes(StandardCharsets.US_ASCII)))
                .with(editorAndApprover(agencyB)));
        mvc.perform(post("/api/office/reports/" + agencyB.slug() + "/2024/comments")
                .with(officeBoth(officeB))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"anchor\":\"s1\",\"body\":\"" + SECRET + "\"}"));
    }

    /** Every API endpoint, called about agency B's report of 2024. */
    private List<AbstractMockHttpServletRequestBuilder<?>> everyEndpointAboutB() {
        String b = agencyB.slug().value();
        String json = MediaType.APPLICATION_JSON_VALUE;
        byte[] zip = new byte[] {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(
                post("/api/reports").contentType(json).content("{\"year\":2024}"),
                get("/api/reports"),
                get("/api/reports/2024"),
                patch("/api/reports/2024")
                        .header("If-Match", "\"r2\"")
                        .contentType(json)
                        .content("{\"cells\":{\"s3.received.total\":1}}"),
                get("/api/reports/2024/findings"),
                get("/api/reports/2024/pdf"),
                post("/api/reports/import?year=2024")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(SECRET),
                post("/api/reports/2024/import")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(SECRET),
                get("/api/reports/2024/revisions"),
                get("/api/reports/2024/revisions/1/diff/2"),
                post("/api/reports/2024/transitions").contentType(json).content("{\"action\":\"request-signoff\"}"),
                get("/api/reports/2024/audit"),
                get("/api/reports/2024/audit/verify"),
                get("/api/reports/2024/comments"),
                post("/api/reports/2024/comments/1/replies").contentType(json).content("{\"body\":\"x\"}"),
                post("/api/reports/2024/comments/1/resolve"),
                multipart("/api/reports/2024/attachments")
                        .file(new MockMultipartFile(
                                "file", "a.pdf", "application/pdf", "%PDF-1.4 a".getBytes(StandardCharsets.US_ASCII))),
                get("/api/reports/2024/attachments"),
                get("/api/reports/2024/attachments/1"),
                delete("/api/reports/2024/attachments/1"),
                get("/api/office/submissions?year=2024"),
                get("/api/office/reports/" + b + "/2024"),
                post("/api/office/reports/" + b + "/2024/transitions")
                        .contentType(json)
                        .content("{\"action\":\"approve\"}"),
                get("/api/office/reports/" + b + "/2024/comments"),
                post("/api/office/reports/" + b + "/2024/comments")
                        .contentType(json)
                        .content("{\"anchor\":\"s1\",\"body\":\"x\"}"),
                post("/api/office/reports/" + b + "/2024/comments/1/replies")
                        .contentType(json)
                        .content("{\"body\":\"x\"}"),
                post("/api/office/reports/" + b + "/2024/comments/1/resolve"),
                get("/api/office/reports/" + b + "/2024/attachments/1"),
                get("/api/office/reports/" + b + "/2024/revisions"),
                get("/api/office/reports/" + b + "/2024/revisions/1/diff/2"),
                get("/api/office/reports/" + b + "/2024/steps"),
                multipart("/api/office/imports")
                        .file(new MockMultipartFile("file", "b.zip", "application/zip", zip))
                        .param("mapping", "{\"b.txt\":\"" + b + "\"}"),
                multipart("/api/office/imports/check")
                        .file(new MockMultipartFile("file", "b.zip", "application/zip", zip))
                        .param("mapping", "{\"b.txt\":\"" + b + "\"}"));
    }

    @Test
    void theListAboveCoversEveryApiEndpoint() {
        assertThat(ApiEndpoints.uncovered(mappings, everyEndpointAboutB())).isEmpty();
    }

    private void assertNothingOfB(JwtRequestPostProcessor who, String agencyHeader, Set<Integer> allowed)
            throws Exception {
        for (var request : everyEndpointAboutB()) {
            if (agencyHeader != null) {
                request.header("X-Agency", agencyHeader);
            }
            var exchange = mvc.perform(request.with(who)).andReturn();
            String uri = exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getRequestURI();
            String body = exchange.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(exchange.getResponse().getStatus()).as(uri).isIn(allowed);
            assertThat(body)
                    .as(uri)
                    .doesNotContain(SECRET)
                    .doesNotContain("乙市某局")
                    .doesNotContain("%PDF-1.4 b");
            if (exchange.getResponse().getStatus() < 300) {
                assertThat(body).as(uri).doesNotContain(agencyB.slug().value());
            }
        }
    }

    @Test
    void namingAgencyBInXAgencyIsNotFoundOnEveryEndpoint() throws Exception {
        for (var request : everyEndpointAboutB()) {
            var response = mvc.perform(request.with(editor(agencyA))
                            .header("X-Agency", agencyB.slug().value()))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
        }
    }

    @Test
    void agencyAsStaffLearnNothingAboutB() throws Exception {
        // A's own token reaches A's data only (the first request creates A's own 2024 report, so later ones may
        // answer 200 about A): whatever the status, nothing of B's appears.
        assertNothingOfB(editorAndApprover(agencyA), null, Set.of(200, 201, 204, 400, 403, 404, 409, 422));
    }

    @Test
    void anotherCitysOfficeSeesNothingOfB() throws Exception {
        assertNothingOfB(officeBoth(officeA), null, Set.of(200, 201, 204, 400, 403, 404, 409, 422));
        assertNothingOfB(officeBoth(officeA), agencyB.slug().value(), Set.of(404));
    }

    /**
     * Editor in A, admin in B: acting for B they read B's report as its admin may and change nothing an editor
     * would (create, edit, import, ask for sign-off, upload), and the office API is closed to them; acting for A,
     * nothing of B reaches them on any endpoint.
     */
    @Test
    void editorInOneAgencyAndAdminInAnotherHoldsEachRoleOnlyThere() throws Exception {
        var twoRoles = TestTokens.member(
                "editor-a-admin-b",
                Map.of(agencyA.slug(), Set.of(Roles.AGENCY_EDITOR), agencyB.slug(), Set.of(Roles.AGENCY_ADMIN)));
        Set<String> editorsOnly = Set.of(
                "POST /api/reports",
                "PATCH /api/reports/2024",
                "POST /api/reports/import",
                "POST /api/reports/2024/import",
                "POST /api/reports/2024/transitions",
                "POST /api/reports/2024/attachments",
                "DELETE /api/reports/2024/attachments/1",
                "POST /api/reports/2024/comments/1/resolve");
        for (var request : everyEndpointAboutB()) {
            var exchange = mvc.perform(request.with(twoRoles)
                            .header("X-Agency", agencyB.slug().value()))
                    .andReturn();
            String call = exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getRequestURI();
            int status = exchange.getResponse().getStatus();
            if (call.contains("/api/office/") || editorsOnly.contains(call)) {
                assertThat(status).as(call).isEqualTo(403);
            } else {
                // Allowed; only the office's comment on a draft never came to be (the office sees no drafts).
                assertThat(status).as(call).isNotEqualTo(403).isLessThan(500);
                if (status == 404) {
                    assertThat(exchange.getResponse().getContentAsString())
                            .as(call)
                            .contains("comment.not-found");
                }
            }
        }
        mvc.perform(get("/api/reports/2024")
                        .with(twoRoles)
                        .header("X-Agency", agencyB.slug().value()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(SECRET)));
        assertNothingOfB(twoRoles, agencyA.slug().value(), Set.of(200, 201, 204, 400, 403, 404, 409, 422));
    }
}
