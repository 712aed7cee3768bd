package dev.gongkai.tenants.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gongkai.platform.agency.AgencySlug;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What the provisioning client {@code gongkai-provisioner} may not do, tried with its own client-credentials token at
 * the real Keycloak: it creates and manages users and organizations with their members (fine-grained admin
 * permissions v2, scopes {@code view} and {@code manage} on Users and on Organizations; no realm-management role at
 * all), but gives nobody a role, impersonates nobody, puts nobody in a group, creates no client, and touches neither
 * the realm's settings, its default roles, its sign-in flow nor the permissions themselves. Each refusal is
 * Keycloak's 403, and the administrator's view confirms that nothing changed.
 */
class ProvisionerLeastPrivilegeTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    private final String username = "least-priv-" + UUID.randomUUID().toString().substring(0, 8);
    private final RestClient provisioner = RealKeycloak.provisionerAdmin();
    private final RestClient admin = RealKeycloak.admin();
    private String userId;

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    @BeforeEach
    void aUserOfTheTest() {
        userId = KeycloakTestSupport.createUser(username, RealmLoginHardeningTest.STRONG);
    }

    @AfterEach
    void removeIt() {
        KeycloakTestSupport.deleteUser(username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform-admin", "office-admin", "office-reviewer"})
    void cannotGiveAUserARealmRole(String role) {
        Map<String, Object> representation =
                admin.get().uri("/roles/{name}", role).retrieve().body(OBJECT);

        assertThat(status(provisioner
                        .post()
                        .uri("/users/{id}/role-mappings/realm", userId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(List.of(representation))))
                .isEqualTo(403);
        assertThat(names(admin.get()
                        .uri("/users/{id}/role-mappings/realm", userId)
                        .retrieve()
                        .body(LIST)))
                .doesNotContain(role);
    }

    @Test
    void cannotGiveItselfTheRealmsAdministration() {
        String serviceAccount = (String) admin.get()
                .uri("/clients/{id}/service-account-user", clientUuid("gongkai-provisioner"))
                .retrieve()
                .body(OBJECT)
                .get("id");
        String realmManagement = clientUuid("realm-management");
        Map<String, Object> realmAdmin = admin.get()
                .uri("/clients/{id}/roles/realm-admin", realmManagement)
                .retrieve()
                .body(OBJECT);

        assertThat(status(provisioner
                        .post()
                        .uri("/users/{id}/role-mappings/clients/{client}", serviceAccount, realmManagement)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(List.of(realmAdmin))))
                .isEqualTo(403);
        assertThat(names(admin.get()
                        .uri("/users/{id}/role-mappings/clients/{client}", serviceAccount, realmManagement)
                        .retrieve()
                        .body(LIST)))
                .isEmpty();
    }

    @Test
    void cannotChangeTheRealmsSettings() {
        Map<String, Object> before = admin.get().retrieve().body(OBJECT);

        assertThat(status(provisioner
                        .put()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("displayName", "changed by the provisioner", "bruteForceProtected", false))))
                .isEqualTo(403);
        Map<String, Object> after = admin.get().retrieve().body(OBJECT);
        assertThat(after.get("displayName")).isEqualTo(before.get("displayName"));
        assertThat(after.get("bruteForceProtected")).isEqualTo(true);
    }

    /** A composite of the default roles reaches everyone: {@code platform-admin} there would make all admins. */
    @Test
    void cannotGiveEveryoneARoleThroughTheDefaultRoles() {
        Map<String, Object> platformAdmin =
                admin.get().uri("/roles/{name}", "platform-admin").retrieve().body(OBJECT);

        assertThat(status(provisioner
                        .post()
                        .uri("/roles/{name}/composites", "default-roles-gongkai")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(List.of(platformAdmin))))
                .isEqualTo(403);
        assertThat(names(admin.get()
                        .uri("/roles/{name}/composites", "default-roles-gongkai")
                        .retrieve()
                        .body(LIST)))
                .doesNotContain("platform-admin");
    }

    /** The administrators' TOTP step of the browser flow stays required for them. */
    @Test
    void cannotSwitchOffTheAdministratorsOneTimeCode() {
        String flow = "gongkai browser";
        Map<String, Object> step =
                admin.get().uri("/authentication/flows/{flow}/executions", flow).retrieve().body(LIST).stream()
                        .filter(e -> "gongkai platform admin totp".equals(e.get("displayName")))
                        .findFirst()
                        .orElseThrow();
        var disabled = new HashMap<>(step);
        disabled.put("requirement", "DISABLED");

        assertThat(status(provisioner
                        .put()
                        .uri("/authentication/flows/{flow}/executions", flow)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(disabled)))
                .isEqualTo(403);
        assertThat(admin.get().uri("/authentication/flows/{flow}/executions", flow).retrieve().body(LIST).stream()
                        .filter(e -> step.get("id").equals(e.get("id")))
                        .map(e -> e.get("requirement")))
                .containsExactly("CONDITIONAL");
    }

    @Test
    void cannotGrantItselfAnotherFineGrainedPermission() {
        String permissions = clientUuid("admin-permissions");
        String name = username + " maps roles";
        String policy = (String) admin.get()
                .uri(b -> b.path("/clients/{id}/authz/resource-server/policy")
                        .queryParam("name", "the provisioning client")
                        .build(permissions))
                .retrieve()
                .body(LIST)
                .getFirst()
                .get("id");

        assertThat(status(provisioner
                        .post()
                        .uri("/clients/{id}/authz/resource-server/permission/scope", permissions)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of(
                                "name",
                                name,
                                "resourceType",
                                "Users",
                                "scopes",
                                List.of("map-roles"),
                                "policies",
                                List.of(policy)))))
                .isEqualTo(403);
        assertThat(names(admin.get()
                        .uri("/clients/{id}/authz/resource-server/permission", permissions)
                        .retrieve()
                        .body(LIST)))
                .doesNotContain(name);
    }

    @Test
    void cannotSignInAsAUser() {
        assertThat(status(provisioner.post().uri("/users/{id}/impersonation", userId)))
                .isEqualTo(403);
    }

    @Test
    void cannotCreateAClient() {
        String clientId = "least-priv-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(status(provisioner
                        .post()
                        .uri("/clients")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("clientId", clientId, "publicClient", true, "directAccessGrantsEnabled", true))))
                .isEqualTo(403);
        assertThat(admin.get()
                        .uri(b -> b.path("/clients")
                                .queryParam("clientId", clientId)
                                .build())
                        .retrieve()
                        .body(LIST))
                .isEmpty();
    }

    @Test
    void stillCreatesFindsAndDisablesUsers() {
        String other = username + "-new";
        try {
            assertThat(status(provisioner
                            .post()
                            .uri("/users")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("username", other, "enabled", true))))
                    .isEqualTo(201);
            Map<String, Object> created = provisioner
                    .get()
                    .uri(b -> b.path("/users")
                            .queryParam("username", other)
                            .queryParam("exact", true)
                            .build())
                    .retrieve()
                    .body(LIST)
                    .getFirst();
            var disabled = new HashMap<>(created);
            disabled.put("enabled", false);
            assertThat(status(provisioner
                            .put()
                            .uri("/users/{id}", created.get("id"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(disabled)))
                    .isEqualTo(204);
        } finally {
            KeycloakTestSupport.deleteUser(other);
        }
    }

    /**
     * Everything the tenants service does with organizations, done by {@link KeycloakOrganizations} with this client's
     * credentials: create and find one, disable and enable it, add, list and remove members, disable an account.
     */
    @Test
    void stillDoesWhatTheServiceDoesWithOrganizations() {
        var organizations = new KeycloakOrganizations(RealKeycloak.properties());
        AgencySlug alias = AgencySlug.of(username + "-org");
        try {
            assertThat(organizations.ensureOrganization(alias, "最小权限 " + alias))
                    .isEqualTo(Organizations.Change.CREATED);
            assertThat(organizations.ensureOrganization(alias, "最小权限 " + alias))
                    .isEqualTo(Organizations.Change.UNCHANGED);
            String orgId = organizations.findOrganization(alias).orElseThrow().id();

            assertThat(organizations.setEnabled(alias, false)).isEqualTo(Organizations.Change.CHANGED);
            assertThat(admin.get()
                            .uri("/organizations/{id}", orgId)
                            .retrieve()
                            .body(OBJECT)
                            .get("enabled"))
                    .isEqualTo(false);
            assertThat(organizations.setEnabled(alias, true)).isEqualTo(Organizations.Change.CHANGED);

            assertThat(organizations.ensureMember(alias, username, null).change())
                    .isEqualTo(Organizations.Change.CHANGED);
            var added = organizations.addMember(alias, new Organizations.NewMember(username + "-new", null, "三", "张"));
            assertThat(organizations.members(alias))
                    .extracting(Organizations.Account::username, Organizations.Account::requiredActions)
                    .containsExactly(tuple(username, List.of()), tuple(username + "-new", List.of("UPDATE_PASSWORD")));

            assertThat(organizations.removeMember(alias, userId)).isEqualTo(Organizations.Change.CHANGED);
            assertThat(organizations.removeMember(alias, userId)).isEqualTo(Organizations.Change.UNCHANGED);
            assertThat(admin.get()
                            .uri("/organizations/{org}/members", orgId)
                            .retrieve()
                            .body(LIST))
                    .extracting(m -> m.get("username"))
                    .containsExactly(username + "-new");

            assertThat(organizations.setAccountEnabled(added.account().id(), false))
                    .isEqualTo(Organizations.Change.CHANGED);
            assertThat(admin.get()
                            .uri("/users/{id}", added.account().id())
                            .retrieve()
                            .body(OBJECT)
                            .get("enabled"))
                    .isEqualTo(false);
            assertThat(admin.get()
                            .uri("/users/{id}", userId)
                            .retrieve()
                            .body(OBJECT)
                            .get("enabled"))
                    .isEqualTo(true);
        } finally {
            KeycloakTestSupport.deleteOrganizationAndUser(alias, username + "-new");
        }
    }

    private String clientUuid(String clientId) {
        return (String) admin.get()
                .uri(b -> b.path("/clients").queryParam("clientId", clientId).build())
                .retrieve()
                .body(LIST)
                .getFirst()
                .get("id");
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, response) -> response.getStatusCode().value());
    }

    private static List<Object> names(List<Map<String, Object>> roles) {
        return roles.stream().map(r -> r.get("name")).toList();
    }
}
