package dev.gongkai.tenants.keycloak;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The real Keycloak these tests talk to: {@code GONGKAI_KEYCLOAK_URL} (default http://127.0.0.1:8180), realm
 * {@code gongkai} as imported from infra/keycloak. When it does not answer, the tests fail, never skip: an
 * end-to-end test that quietly does not run proves nothing.
 */
public final class RealKeycloak {

    public static final String URL = System.getenv().getOrDefault("GONGKAI_KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final String REALM = "gongkai";

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    private RealKeycloak() {}

    public static void requireRunning() {
        try {
            RestClient.create()
                    .get()
                    .uri(URL + "/realms/" + REALM + "/.well-known/openid-configuration")
                    .retrieve()
                    .toBodilessEntity();
        } catch (RuntimeException e) {
            fail("Keycloak with realm '" + REALM + "' is not reachable at " + URL + " (" + e.getMessage()
                    + "). Start it with infra/keycloak/kc ensure, or run infra/dev/test, which does.");
        }
    }

    /** A user's access token from the public client gongkai-cli (direct access grant, demo realm only). */
    public static String passwordToken(String username, String password) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "password");
        form.add("client_id", "gongkai-cli");
        form.add("username", username);
        form.add("password", password);
        form.add("scope", "openid");
        return (String) token(form).get("access_token");
    }

    /** The provisioning client's token, for tests that check or clean up what provisioning did. */
    static String provisionerToken() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", "gongkai-provisioner");
        form.add("client_secret", System.getenv().getOrDefault("GONGKAI_PROVISIONER_SECRET", "provisioner-secret"));
        return (String) token(form).get("access_token");
    }

    static KeycloakProperties properties() {
        return new KeycloakProperties(
                true,
                URL,
                REALM,
                "gongkai-provisioner",
                System.getenv().getOrDefault("GONGKAI_PROVISIONER_SECRET", "provisioner-secret"),
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(10));
    }

    /** The realm's admin API as the provisioning client sees it (its least privilege is under test). */
    static RestClient provisionerAdmin() {
        return RestClient.builder()
                .baseUrl(URL + "/admin/realms/" + REALM)
                .defaultHeader("Authorization", "Bearer " + provisionerToken())
                .build();
    }

    /**
     * The realm's admin API as Keycloak's own administrator (master realm, {@code GONGKAI_KEYCLOAK_ADMIN} /
     * {@code GONGKAI_KEYCLOAK_ADMIN_PASSWORD}, admin/admin as {@code infra/keycloak/kc} sets it up), for tests that
     * set up and remove their own users.
     */
    public static RestClient admin() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "password");
        form.add("client_id", "admin-cli");
        form.add("username", System.getenv().getOrDefault("GONGKAI_KEYCLOAK_ADMIN", "admin"));
        form.add("password", System.getenv().getOrDefault("GONGKAI_KEYCLOAK_ADMIN_PASSWORD", "admin"));
        String token = (String) RestClient.create()
                .post()
                .uri(URL + "/realms/master/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(OBJECT)
                .get("access_token");
        return RestClient.builder()
                .baseUrl(URL + "/admin/realms/" + REALM)
                .defaultHeader("Authorization", "Bearer " + token)
                .build();
    }

    /** A user's access token with extra scopes, e.g. {@code organization:*}. */
    public static String passwordToken(String username, String password, String scope) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "password");
        form.add("client_id", "gongkai-cli");
        form.add("username", username);
        form.add("password", password);
        form.add("scope", "openid " + scope);
        return (String) token(form).get("access_token");
    }

    private static Map<String, Object> token(LinkedMultiValueMap<String, String> form) {
        return RestClient.create()
                .post()
                .uri(URL + "/realms/" + REALM + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(OBJECT);
    }
}
