package dev.gongkai.tenants.registry;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How the acting agency follows from the token's organization claim and the X-Agency header. */
@TenantsWebTest
class ActingAgencyResolutionTest {

    @TestTenant(jurisdiction = "multi-city")
    static ManagedAgency first;

    @TestTenant(jurisdiction = "multi-city")
    static ManagedAgency second;

    @Autowired
    MockMvc mvc;

    private static org.springframework.test.web.servlet.request.RequestPostProcessor memberOfBoth() {
        return token("two-hats", List.of(first.slug(), second.slug()), Roles.AGENCY_EDITOR);
    }

    @Test
    void aMemberOfSeveralAgenciesMustChooseOne() throws Exception {
        mvc.perform(get("/api/agencies/me").with(memberOfBoth()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("agency.ambiguous"));
    }

    @Test
    void xAgencyChoosesAmongTheCallersOwnAgencies() throws Exception {
        mvc.perform(get("/api/agencies/me").with(memberOfBoth()).header("X-Agency", second.slug().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(second.slug().value()));
    }

    @Test
    void anOrganizationUnknownToTheRegistryIsNotFound() throws Exception {
        mvc.perform(get("/api/agencies/me").with(token("ghost", List.of(AgencySlug.of("no-such-agency")),
                        Roles.AGENCY_EDITOR)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
    }

    @Test
    void aCallerOfNoAgencyHasNoActingAgency() throws Exception {
        mvc.perform(get("/api/agencies/me").with(platformAdmin()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("agency.none"));
    }

    @Test
    void officeRolesWithoutAnOfficeGrantNothing() throws Exception {
        // An office role held by a member of an ordinary department supervises no jurisdiction.
        var departmentWithOfficeRole = token("confused", List.of(first.slug()), Roles.OFFICE_ADMIN);
        mvc.perform(get("/api/agencies/me").with(departmentWithOfficeRole).header("X-Agency", second.slug().value()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/agencies").with(departmentWithOfficeRole)).andExpect(status().isForbidden());
    }

    @Test
    void withoutATokenEveryApiAnswers401AsAProblem() throws Exception {
        mvc.perform(get("/api/agencies/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("authentication.required"))
                .andExpect(jsonPath("$.message_zh").exists());
    }
}
