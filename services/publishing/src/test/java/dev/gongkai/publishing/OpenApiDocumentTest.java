package dev.gongkai.publishing;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@PublishingTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsTheApiWithBearerTokensAndTheAgencyHeader() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title").value("Gongkai publishing"))
                .andExpect(jsonPath("$.paths['/api/office/compliance'].get").exists())
                .andExpect(jsonPath("$.paths['/api/reports/{year}/website-url'].put")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/office/compliance'].get.parameters[*].name")
                        .value(hasItem("X-Agency")))
                .andExpect(jsonPath("$.paths['/api/office/compliance'].get.parameters[*].name")
                        .value(not(hasItem("caller"))))
                .andExpect(
                        jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/public/{jurisdiction}/{agency}/{year}'].get.responses['304']")
                        .exists())
                .andExpect(jsonPath("$.paths['/public/{jurisdiction}/{agency}/{year}.json'].get.responses['429']")
                        .exists())
                .andExpect(jsonPath("$.paths['/public/{jurisdiction}/{agency}/{year}.pdf'].get.security")
                        .isEmpty())
                // A page's language is the reader's choice (link, then cookie), not a parameter of the API.
                .andExpect(jsonPath("$.paths['/public/{jurisdiction}/compare.csv'].get.parameters[*].name")
                        .value(hasItem("agencies")))
                .andExpect(jsonPath("$.paths['/public/{jurisdiction}/compare.csv'].get.parameters[*].name")
                        .value(not(hasItem("lang"))));
    }

    @Test
    void describesTheBranchesAsTheContractsRecords() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/branches'].get.responses['200'].content['*/*'].schema.$ref")
                        .value("#/components/schemas/BranchesView"))
                .andExpect(jsonPath("$.components.schemas.BranchProgress.properties.status.enum")
                        .value(hasItem("PUBLISHED")));
    }

    /** The office's answers are records the document names, so the console reads them typed. */
    @Test
    void describesTheOfficesAnswers() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/office/compiled'].get.responses['200'].content['*/*'].schema.$ref")
                        .value("#/components/schemas/CompiledView"))
                .andExpect(jsonPath("$.components.schemas.CompiledView.properties.report.$ref")
                        .value("#/components/schemas/ReportDocument"));
    }
}
