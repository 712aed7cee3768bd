package dev.gongkai.tenants;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@TenantsWebTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsTheRegistryWithoutAuthentication() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/agencies/me'].get").exists())
                .andExpect(jsonPath("$.paths['/api/admin/migrate-all'].post").exists())
                .andExpect(
                        jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"));
    }

    @Test
    void showsTheXAgencyHeaderButNotTheParametersTheTokenProvides() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/agencies/me'].get.parameters[*].name")
                        .value(hasItem("X-Agency")))
                .andExpect(jsonPath("$.paths['/api/agencies'].get.parameters[*].name")
                        .value(not(hasItem("caller"))));
    }

    @Test
    void healthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void describesTheRegistryItsUsersAndItsMigrationsAsTheContractsRecords() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths['/api/agencies/me'].get.responses['200'].content['*/*'].schema.$ref")
                        .value("#/components/schemas/AgencyView"))
                .andExpect(jsonPath("$.components.schemas.AgencyView.properties.kind.enum")
                        .value(hasItem("DISCLOSURE_OFFICE")))
                .andExpect(jsonPath("$.components.schemas.AgencyView.properties.jurisdiction.$ref")
                        .value("#/components/schemas/JurisdictionView"))
                .andExpect(jsonPath("$.paths['/api/me'].get.responses['200'].content['*/*'].schema.$ref")
                        .value("#/components/schemas/MeView"))
                .andExpect(jsonPath("$.paths['/api/agencies/{slug}/users'].get.responses['200']"
                                + ".content['*/*'].schema.items.$ref")
                        .value("#/components/schemas/MemberView"))
                .andExpect(jsonPath("$.components.schemas.Added.properties.temporaryPassword.type")
                        .value("string"))
                .andExpect(jsonPath("$.components.schemas.ProvisioningReport.properties.steps.items.$ref")
                        .value("#/components/schemas/StepResult"))
                .andExpect(jsonPath("$.components.schemas.MigrationStates.properties.states.items.$ref")
                        .value("#/components/schemas/SchemaState"))
                .andExpect(jsonPath("$.components.schemas.SchemaResult.properties.outcome.enum")
                        .value(hasItem("FAILED")));
    }
}
