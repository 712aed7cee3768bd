package dev.gongkai.tenants.registry;

import static dev.gongkai.platform.testing.TestTokens.editorOf;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@TenantsWebTest
class AgencyValidationTest {

    private static final String SIXTY_FOUR = "a".repeat(64);

    @TestTenant(jurisdiction = "valid-city")
    static ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    private String provisionBody(String slug) {
        return """
                {"slug":"%s","nameZh":"测试局","kind":"DEPARTMENT","jurisdiction":"valid-city"}""".formatted(slug.replace("\"", "\\\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\"quote", "bad'quote", "bad.dot", "Upper-Case", "under_score"})
    void provisioningRefusesSlugsThatCouldBreakOutOfASchemaName(String slug) throws Exception {
        mvc.perform(post("/api/agencies")
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(provisionBody(slug)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.code").value("agency.slug.invalid"))
                .andExpect(jsonPath("$.field").value("slug"))
                .andExpect(jsonPath("$.message_zh").value(containsString("机构标识")))
                .andExpect(jsonPath("$.message_en").value(containsString("agency slug")));
    }

    @Test
    void provisioningRefusesSixtyFourCharactersSayingTheLimit() throws Exception {
        mvc.perform(post("/api/agencies")
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(provisionBody(SIXTY_FOUR)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message_en").value("The agency slug must be 2 to 40 characters long"))
                .andExpect(jsonPath("$.message_zh").value("机构标识长度须为 2 至 40 个字符"));
    }

    @Test
    void missingFieldsAreNamedByTheirPath() throws Exception {
        mvc.perform(post("/api/agencies")
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"ok-slug\",\"firstAdmin\":{\"username\":\"\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.hasItems(
                                "nameZh", "kind", "jurisdiction", "firstAdmin.username")));
    }

    @Test
    void aSlugInThePathIsValidatedToo() throws Exception {
        mvc.perform(get("/api/agencies/Bad.Slug").with(platformAdmin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("agency.slug.invalid"))
                .andExpect(jsonPath("$.field").value("slug"));
    }

    @Test
    void aSlugInXAgencyIsValidatedToo() throws Exception {
        mvc.perform(get("/api/agencies/me").with(editorOf(agency)).header("X-Agency", "x\"; drop schema core"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("agency.slug.invalid"))
                .andExpect(jsonPath("$.field").value("X-Agency"));
    }

    @Test
    void errorsNeverCarryAStackTrace() throws Exception {
        mvc.perform(post("/api/agencies")
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("http.400"))
                .andExpect(content().string(not(containsString("at dev.gongkai"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }
}
