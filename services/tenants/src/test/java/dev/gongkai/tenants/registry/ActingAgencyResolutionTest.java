package dev.gongkai.tenants.registry;

import static dev.gongkai.platform.testing.TestTokens.member;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.platform.security.RealmRoleAuthorities;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** How the acting agency follows from the caller's memberships in the registry and the X-Agency header. */
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
        mvc.perform(get("/api/agencies/me")
                        .with(memberOfBoth())
                        .header("X-Agency", second.slug().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(second.slug().value()));
    }

    @Test
    void anAgencyUnknownToTheRegistryIsNotFound() throws Exception {
        mvc.perform(get("/api/agencies/me").with(memberOfBoth()).header("X-Agency", "no-such-agency"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
    }

    /**
     * The reproduction: Keycloak names every organization under {@code organization:*} and used to carry
     * agency roles as realm roles; neither makes anyone a member of anything, or an admin anywhere.
     */
    @Test
    void theTokensOrganizationClaimAndRealmRolesGrantNoAgency() throws Exception {
        var keycloakShaped = jwt().jwt(j -> j.subject("sub-org-star")
                        .claim("preferred_username", "org-star")
                        .claim(
                                "organization",
                                List.of(first.slug().value(), second.slug().value()))
                        .claim("realm_access", Map.of("roles", List.of(Roles.AGENCY_ADMIN, Roles.OFFICE_ADMIN))))
                .authorities(new RealmRoleAuthorities());
        mvc.perform(get("/api/agencies/me")
                        .with(keycloakShaped)
                        .header("X-Agency", first.slug().value()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/agencies/{slug}/users", first.slug())
                        .with(keycloakShaped)
                        .header("X-Agency", first.slug().value()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/agencies/me").with(keycloakShaped))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("agency.none"));
    }

    /** Editor in the first, admin in the second: each role counts where it is held, whichever agency is chosen. */
    @Test
    void eachRoleCountsOnlyInItsOwnAgency() throws Exception {
        var twoRoles = member(
                "two-roles",
                Map.of(first.slug(), Set.of(Roles.AGENCY_EDITOR), second.slug(), Set.of(Roles.AGENCY_ADMIN)));
        for (var acting : List.of(first, second)) {
            mvc.perform(get("/api/agencies/{slug}/users", first.slug())
                            .with(twoRoles)
                            .header("X-Agency", acting.slug().value()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("access.denied"));
            // Allowed past the role check: this application runs without Keycloak, hence 503.
            mvc.perform(get("/api/agencies/{slug}/users", second.slug())
                            .with(twoRoles)
                            .header("X-Agency", acting.slug().value()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("keycloak.disabled"));
        }
        mvc.perform(get("/api/agencies/me")
                        .with(twoRoles)
                        .header("X-Agency", second.slug().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(second.slug().value()));
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
        mvc.perform(get("/api/agencies/me")
                        .with(departmentWithOfficeRole)
                        .header("X-Agency", second.slug().value()))
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
