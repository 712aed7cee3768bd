package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Sets up, looks at and cleans up what tests create in the real Keycloak, as its administrator: tests make their
 * own users and never sign in as the demo's, which are for people and may have been changed by hand.
 */
public final class KeycloakTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    private KeycloakTestSupport() {}

    public static boolean organizationEnabled(AgencySlug alias) {
        var organizations = new KeycloakOrganizations(RealKeycloak.properties());
        String id = organizations.findOrganization(alias).orElseThrow().id();
        return Boolean.TRUE.equals(RealKeycloak.admin()
                .get()
                .uri("/organizations/{id}", id)
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get("enabled"));
    }

    public static void deleteOrganizationAndUser(AgencySlug alias, String username) {
        var api = RealKeycloak.admin();
        new KeycloakOrganizations(RealKeycloak.properties())
                .findOrganization(alias)
                .ifPresent(org -> api.delete()
                        .uri("/organizations/{id}", org.id())
                        .retrieve()
                        .toBodilessEntity());
        api.get()
                .uri(b -> b.path("/users")
                        .queryParam("username", username)
                        .queryParam("exact", true)
                        .build())
                .retrieve()
                .body(LIST)
                .forEach(u ->
                        api.delete().uri("/users/{id}", u.get("id")).retrieve().toBodilessEntity());
    }

    /** Deletes an organization a test created together with every user that is a member of it. */
    public static void deleteOrganizationAndMembers(AgencySlug alias) {
        var api = RealKeycloak.admin();
        new KeycloakOrganizations(RealKeycloak.properties())
                .findOrganization(alias)
                .ifPresent(org -> {
                    api.get()
                            .uri("/organizations/{id}/members?max=1000", org.id())
                            .retrieve()
                            .body(LIST)
                            .forEach(u -> api.delete()
                                    .uri("/users/{id}", u.get("id"))
                                    .retrieve()
                                    .toBodilessEntity());
                    api.delete().uri("/organizations/{id}", org.id()).retrieve().toBodilessEntity();
                });
    }

    /** A user of the realm that the test owns: created with a known password and nothing to do at sign-in. */
    public static String createUser(String username, String password) {
        var api = RealKeycloak.admin();
        var created = api.post()
                .uri("/users")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "email",
                        username + "@example.test",
                        "emailVerified",
                        true,
                        "firstName",
                        "测试",
                        "lastName",
                        "用户",
                        "credentials",
                        List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .retrieve()
                .toBodilessEntity();
        String path = created.getHeaders().getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Lets a user created by the service (temporary password, UPDATE_PASSWORD) sign in with a known password. */
    public static String readyToSignIn(String username, String password) {
        var api = RealKeycloak.admin();
        Map<String, Object> user = api.get()
                .uri(b -> b.path("/users")
                        .queryParam("username", username)
                        .queryParam("exact", true)
                        .build())
                .retrieve()
                .body(LIST)
                .getFirst();
        String id = (String) user.get("id");
        api.put()
                .uri("/users/{id}/reset-password", id)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .retrieve()
                .toBodilessEntity();
        var update = new java.util.HashMap<>(api.get()
                .uri("/users/{id}", id)
                .retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() {}));
        update.put("requiredActions", List.of());
        update.put("emailVerified", true);
        update.putIfAbsent("email", username + "@example.test");
        update.putIfAbsent("firstName", "测试");
        update.putIfAbsent("lastName", "用户");
        api.put()
                .uri("/users/{id}", id)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(update)
                .retrieve()
                .toBodilessEntity();
        return id;
    }

    /** The usernames of an organization's members, as Keycloak's administrator lists them. */
    public static List<String> organizationMembers(AgencySlug alias) {
        String id = new KeycloakOrganizations(RealKeycloak.properties())
                .findOrganization(alias)
                .orElseThrow()
                .id();
        return RealKeycloak.admin().get().uri("/organizations/{id}/members?max=1000", id).retrieve().body(LIST).stream()
                .map(u -> (String) u.get("username"))
                .toList();
    }

    /**
     * The aliases an access token's {@code organization} claim names (the realm's mapper writes a list of aliases;
     * an object keyed by alias is read too); empty without the claim.
     */
    public static List<String> organizationClaim(String accessToken) {
        String payload = new String(
                java.util.Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        var claim = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(payload)
                .path("organization");
        if (claim.isArray()) {
            return claim.valueStream()
                    .map(tools.jackson.databind.JsonNode::asString)
                    .toList();
        }
        return claim.isObject() ? List.copyOf(claim.propertyNames()) : List.of();
    }

    public static void deleteUser(String username) {
        var api = RealKeycloak.admin();
        api.get()
                .uri(b -> b.path("/users")
                        .queryParam("username", username)
                        .queryParam("exact", true)
                        .build())
                .retrieve()
                .body(LIST)
                .forEach(u ->
                        api.delete().uri("/users/{id}", u.get("id")).retrieve().toBodilessEntity());
    }
}
