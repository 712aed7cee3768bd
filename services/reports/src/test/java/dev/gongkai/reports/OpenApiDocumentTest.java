package dev.gongkai.reports;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ReportsWebTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsTheApiWithBearerTokensAndTheAgencyHeader() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Gongkai reports"))
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/office/reports/{agency}/{year}/transitions'].post").exists())
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get.parameters[*].name").value(hasItem("X-Agency")))
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get.parameters[*].name").value(not(hasItem("caller"))))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
    }

    @Test
    void describesTheReportWithWhatTheCallerMayDoWithIt() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/reports/{year}'].get.responses['200'].content['*/*'].schema.$ref")
                        .value("#/components/schemas/ReportView"))
                .andExpect(jsonPath("$.components.schemas.ReportView.properties.allowedActions.type").value("array"))
                .andExpect(jsonPath("$.components.schemas.ReportView.properties.status.enum")
                        .value(hasItem("PENDING_SIGNOFF")))
                .andExpect(jsonPath("$.components.schemas.PatchResult.properties.totals").exists())
                .andExpect(jsonPath("$.components.schemas.TransitionResult.properties.action").exists());
    }
}
