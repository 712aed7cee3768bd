package dev.gongkai.tenants.users;

import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@TenantsWebTest
class AgencyUsersWithoutKeycloakTest {

    @TestTenant
    ManagedAgency agency;

    @Autowired
    MockMvc mvc;

    @Test
    void saysThatUsersCannotBeManagedWithoutKeycloak() throws Exception {
        mvc.perform(get("/api/agencies/{slug}/users", agency.slug()).with(platformAdmin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("keycloak.disabled"))
                .andExpect(jsonPath("$.message_zh").value(containsString("Keycloak")));
    }
}
