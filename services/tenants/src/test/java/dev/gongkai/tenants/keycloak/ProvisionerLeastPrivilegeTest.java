package dev.gongkai.tenants.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

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
 * the real Keycloak: it creates and manages users (fine-grained admin permissions v2, scopes {@code view} and
 * {@code manage} on Users) and organizations' members ({@code manage-realm}), but gives nobody a role, impersonates
 * nobody, puts nobody in a group and creates no client. Each refusal is Keycloak's 403, and the administrator's view
 * confirms that nothing changed.
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
                .containsExactly("manage-realm");
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
            var disabled = new java.util.HashMap<>(created);
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

    /** Removing an agency's member: {@code manage-realm} covers the organizations' members endpoint. */
    @Test
    void stillRemovesAMemberFromAnOrganizationAndTheAccountStays() {
        String alias = username + "-org";
        assertThat(status(admin.post()
                        .uri("/organizations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("name", "最小权限 " + alias, "alias", alias, "enabled", true))))
                .isEqualTo(201);
        String orgId = (String)
                admin.get().uri("/organizations?max=1000&briefRepresentation=true").retrieve().body(LIST).stream()
                        .filter(o -> alias.equals(o.get("alias")))
                        .findFirst()
                        .orElseThrow()
                        .get("id");
        try {
            assertThat(status(admin.post()
                            .uri("/organizations/{org}/members", orgId)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("\"" + userId + "\"")))
                    .isEqualTo(201);

            assertThat(status(provisioner.delete().uri("/organizations/{org}/members/{id}", orgId, userId)))
                    .isEqualTo(204);
            assertThat(admin.get()
                            .uri("/organizations/{org}/members", orgId)
                            .retrieve()
                            .body(LIST))
                    .isEmpty();
            assertThat(admin.get()
                            .uri("/users/{id}", userId)
                            .retrieve()
                            .body(OBJECT)
                            .get("enabled"))
                    .isEqualTo(true);
        } finally {
            admin.delete().uri("/organizations/{org}", orgId).retrieve().toBodilessEntity();
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
