package dev.gongkai.tenants.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.agency.AgencySlug;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** {@link KeycloakOrganizations} against the real Keycloak: check-then-act on organizations, users and roles. */
class KeycloakOrganizationsTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    private final KeycloakOrganizations organizations = new KeycloakOrganizations(RealKeycloak.properties());
    private final AgencySlug alias =
            AgencySlug.of("kc-test-" + UUID.randomUUID().toString().substring(0, 8));
    private final String admin = alias + "-admin";

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        var api = RealKeycloak.admin();
        organizations
                .findOrganization(alias)
                .ifPresent(org -> api.delete()
                        .uri("/organizations/{id}", org.id())
                        .retrieve()
                        .toBodilessEntity());
        api.get()
                .uri(b -> b.path("/users")
                        .queryParam("username", admin)
                        .queryParam("exact", true)
                        .build())
                .retrieve()
                .body(LIST)
                .forEach(u ->
                        api.delete().uri("/users/{id}", u.get("id")).retrieve().toBodilessEntity());
    }

    @Test
    void createsAnOrganizationOnceAndFindsItByAliasAfterwards() {
        assertThat(organizations.ensureOrganization(alias, "测试机构 " + alias)).isEqualTo(Organizations.Change.CREATED);
        assertThat(organizations.ensureOrganization(alias, "测试机构 " + alias)).isEqualTo(Organizations.Change.UNCHANGED);

        assertThat(organizations.findOrganization(alias))
                .get()
                .satisfies(org -> assertThat(org.alias()).isEqualTo(alias.value()));
    }

    @Test
    void createsTheFirstAdminOnceAsMemberWithAPasswordToChangeAndNoRealmRole() {
        organizations.ensureOrganization(alias, "测试机构 " + alias);

        var first = organizations.ensureMember(alias, admin, null);
        var second = organizations.ensureMember(alias, admin, null);

        assertThat(first.change()).isEqualTo(Organizations.Change.CREATED);
        assertThat(first.initialPassword()).hasSize(16);
        assertThat(second.change()).isEqualTo(Organizations.Change.UNCHANGED);
        assertThat(second.initialPassword()).isNull();

        var api = RealKeycloak.admin();
        Map<String, Object> user = api.get()
                .uri(b -> b.path("/users")
                        .queryParam("username", admin)
                        .queryParam("exact", true)
                        .build())
                .retrieve()
                .body(LIST)
                .getFirst();
        assertThat(String.valueOf(user.get("requiredActions"))).contains("UPDATE_PASSWORD");
        String orgId = organizations.findOrganization(alias).orElseThrow().id();
        assertThat(api.get()
                        .uri("/organizations/{id}/members", orgId)
                        .retrieve()
                        .body(LIST))
                .extracting(m -> m.get("username"))
                .containsExactly(admin);
        assertThat(api.get()
                        .uri("/users/{id}/role-mappings/realm", user.get("id"))
                        .retrieve()
                        .body(LIST))
                .extracting(r -> r.get("name"))
                .as("agency roles are the registry's")
                .doesNotContain("agency-admin");
    }

    @Test
    void disablesAndEnablesTheOrganizationIdempotently() {
        organizations.ensureOrganization(alias, "测试机构 " + alias);

        assertThat(organizations.setEnabled(alias, false)).isEqualTo(Organizations.Change.CHANGED);
        assertThat(organizations.setEnabled(alias, false)).isEqualTo(Organizations.Change.UNCHANGED);
        String orgId = organizations.findOrganization(alias).orElseThrow().id();
        assertThat(RealKeycloak.admin()
                        .get()
                        .uri("/organizations/{id}", orgId)
                        .retrieve()
                        .body(new ParameterizedTypeReference<Map<String, Object>>() {})
                        .get("enabled"))
                .isEqualTo(false);

        assertThat(organizations.setEnabled(alias, true)).isEqualTo(Organizations.Change.CHANGED);
    }

    @Test
    void disablingAnOrganizationKeepsWhatElseItHolds() {
        organizations.ensureOrganization(alias, "测试机构 " + alias);
        var api = RealKeycloak.admin();
        String orgId = organizations.findOrganization(alias).orElseThrow().id();
        var held = new java.util.HashMap<>(api.get()
                .uri("/organizations/{id}", orgId)
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {}));
        held.put("attributes", Map.of("code", List.of("12150300")));
        held.put("redirectUrl", "https://example.test/after-sign-in");
        api.put()
                .uri("/organizations/{id}", orgId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(held)
                .retrieve()
                .toBodilessEntity();

        organizations.setEnabled(alias, false);

        Map<String, Object> after = api.get()
                .uri("/organizations/{id}", orgId)
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        assertThat(after.get("enabled")).isEqualTo(false);
        assertThat(after.get("attributes")).isEqualTo(Map.of("code", List.of("12150300")));
        assertThat(after.get("redirectUrl")).isEqualTo("https://example.test/after-sign-in");
        assertThat(after.get("description")).isEqualTo("Gongkai agency " + alias);
    }

    @Test
    void findsTheDemoCitysOrganizationsThatTheRealmImported() {
        assertThat(organizations.findOrganization(AgencySlug.of("wuhai-psb"))).isPresent();
        assertThat(organizations.ensureOrganization(AgencySlug.of("wuhai-psb"), "乌海市公安局"))
                .isEqualTo(Organizations.Change.UNCHANGED);
    }
}
