package dev.gongkai.platform.security;

import dev.gongkai.platform.agency.AgencySlug;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    private static Jwt keycloakToken(Object organization) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u1")
                .claim("preferred_username", "psb-editor")
                .claim("organization", organization)
                .claim("realm_access", Map.of("roles", List.of("agency-editor", "default-roles-gongkai")))
                .build();
    }

    @Test
    void readsRealmRolesFromTheNestedRealmAccessClaim() {
        var authorities = new RealmRoleAuthorities().convert(keycloakToken(List.of("wuhai-psb")));
        assertThat(authorities).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_agency-editor", "ROLE_default-roles-gongkai");
    }

    @Test
    void readsOrganizationAliasesFromAList() {
        Caller caller = Caller.from(keycloakToken(List.of("wuhai-psb", "wuhai-edu")));
        assertThat(caller.organizations()).containsExactly(AgencySlug.of("wuhai-psb"), AgencySlug.of("wuhai-edu"));
        assertThat(caller.username()).isEqualTo("psb-editor");
        assertThat(caller.hasRole(Roles.AGENCY_EDITOR)).isTrue();
    }

    @Test
    void readsOrganizationAliasesFromTheMapFormWithAttributes() {
        Caller caller = Caller.from(keycloakToken(Map.of("wuhai-psb", Map.of("id", "x"))));
        assertThat(caller.organizations()).containsExactly(AgencySlug.of("wuhai-psb"));
    }

    @Test
    void ignoresAliasesThatCannotBeAgencies() {
        Caller caller = Caller.from(keycloakToken(List.of("Bad.Alias", "wuhai-psb")));
        assertThat(caller.organizations()).containsExactly(AgencySlug.of("wuhai-psb"));
    }
}
