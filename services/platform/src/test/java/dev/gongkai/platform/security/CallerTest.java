package dev.gongkai.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.agency.AgencySlug;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static final AgencySlug PSB = AgencySlug.of("wuhai-psb");
    private static final AgencySlug HAIBOWAN = AgencySlug.of("wuhai-psb-haibowan");

    /** A token as Keycloak issued them before roles moved to the registry: realm roles and organizations. */
    private static Jwt keycloakToken(String... realmRoles) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("u1")
                .claim("preferred_username", "psb-editor")
                .claim("organization", List.of("wuhai-psb", "wuhai-psb-haibowan"))
                .claim("realm_access", Map.of("roles", List.of(realmRoles)))
                .build();
    }

    @Test
    void onlyPlatformRolesOfTheTokenBecomeAuthorities() {
        var authorities = new RealmRoleAuthorities()
                .convert(keycloakToken("agency-admin", "platform-admin", "default-roles-gongkai"));
        assertThat(authorities).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_platform-admin");
    }

    @Test
    void agencyRolesInTheTokenGrantNothing() {
        Caller caller = Caller.from(keycloakToken("agency-admin", "office-admin"), Map.of());
        assertThat(caller.organizations())
                .as("the organization claim is not a membership")
                .isEmpty();
        assertThat(caller.actingFor(PSB).hasRole(Roles.AGENCY_ADMIN)).isFalse();
        assertThat(caller.actingFor(PSB).hasOfficeRole()).isFalse();
    }

    @Test
    void aRoleCountsOnlyInTheAgencyItIsHeldIn() {
        Caller caller = Caller.from(
                keycloakToken(), Map.of(HAIBOWAN, Set.of(Roles.AGENCY_EDITOR), PSB, Set.of(Roles.AGENCY_ADMIN)));
        assertThat(caller.organizations()).containsExactly(PSB, HAIBOWAN);
        assertThat(caller.username()).isEqualTo("psb-editor");
        assertThat(caller.roles()).as("acting for no agency yet").isEmpty();
        assertThat(caller.actingFor(PSB).roles()).containsExactly(Roles.AGENCY_ADMIN);
        assertThat(caller.actingFor(HAIBOWAN).roles()).containsExactly(Roles.AGENCY_EDITOR);
        assertThat(caller.actingFor(HAIBOWAN).hasRole(Roles.AGENCY_ADMIN)).isFalse();
    }

    @Test
    void platformRolesHoldWhateverTheActingAgency() {
        Caller caller = Caller.from(keycloakToken("platform-admin"), Map.of(PSB, Set.of(Roles.AGENCY_EDITOR)));
        assertThat(caller.isPlatformAdmin()).isTrue();
        assertThat(caller.actingFor(PSB).roles()).containsExactlyInAnyOrder(Roles.PLATFORM_ADMIN, Roles.AGENCY_EDITOR);
    }
}
