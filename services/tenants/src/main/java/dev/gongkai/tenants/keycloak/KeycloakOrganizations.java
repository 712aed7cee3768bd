package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Roles;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Organizations} on Keycloak's admin REST API ({@code /admin/realms/{realm}/organizations}, {@code /users},
 * role mappings), authenticated with the provisioning client's client-credentials token.
 */
public class KeycloakOrganizations implements Organizations {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final int PAGE = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakProperties properties;
    private final RestClient http;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    public KeycloakOrganizations(KeycloakProperties properties) {
        this.properties = properties;
        this.http = RestClient.builder().baseUrl(properties.url()).build();
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Change ensureOrganization(AgencySlug alias, String name) {
        if (findOrganization(alias).isPresent()) {
            return Change.UNCHANGED;
        }
        admin().post().uri("/admin/realms/{realm}/organizations", properties.realm())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "alias", alias.value(), "enabled", true,
                        "description", "Gongkai agency " + alias))
                .retrieve().onStatus(HttpStatusCode::isError, (request, response) -> {
                    throw new IllegalStateException("Keycloak refused organization " + alias + ": "
                            + response.getStatusCode() + " " + new String(response.getBody().readAllBytes()));
                }).toBodilessEntity();
        return Change.CREATED;
    }

    @Override
    public Change setEnabled(AgencySlug alias, boolean enabled) {
        Map<String, Object> org = findOrganization(alias).orElseThrow(() ->
                new IllegalStateException("Keycloak has no organization " + alias));
        Map<String, Object> full = admin().get().uri("/admin/realms/{realm}/organizations/{id}", properties.realm(),
                org.get("id")).retrieve().body(OBJECT);
        if (Boolean.valueOf(enabled).equals(full.get("enabled"))) {
            return Change.UNCHANGED;
        }
        Map<String, Object> update = new HashMap<>(full);
        update.put("enabled", enabled);
        admin().put().uri("/admin/realms/{realm}/organizations/{id}", properties.realm(), org.get("id"))
                .contentType(MediaType.APPLICATION_JSON).body(update).retrieve().toBodilessEntity();
        return Change.CHANGED;
    }

    @Override
    public AdminChange ensureFirstAdmin(AgencySlug alias, String username, String email) {
        Map<String, Object> org = findOrganization(alias).orElseThrow(() ->
                new IllegalStateException("Keycloak has no organization " + alias));
        String orgId = (String) org.get("id");
        Change change = Change.UNCHANGED;
        String initialPassword = null;

        Optional<String> userId = findUser(username);
        if (userId.isEmpty()) {
            initialPassword = temporaryPassword();
            Map<String, Object> user = new HashMap<>();
            user.put("username", username);
            user.put("enabled", true);
            user.put("requiredActions", List.of("UPDATE_PASSWORD"));
            user.put("credentials", List.of(Map.of("type", "password", "value", initialPassword, "temporary", true)));
            if (email != null && !email.isBlank()) {
                user.put("email", email);
            }
            ResponseEntity<Void> created = admin().post().uri("/admin/realms/{realm}/users", properties.realm())
                    .contentType(MediaType.APPLICATION_JSON).body(user).retrieve().toBodilessEntity();
            userId = Optional.of(idFrom(created.getHeaders().getLocation()));
            change = Change.CREATED;
        }
        String id = userId.get();

        boolean member = admin().get().uri(b -> b.path("/admin/realms/{realm}/organizations/{org}/members")
                        .queryParam("search", username).queryParam("exact", true).build(properties.realm(), orgId))
                .retrieve().body(LIST).stream().anyMatch(m -> id.equals(m.get("id")));
        if (!member) {
            // The members endpoint takes the bare user id as a JSON string.
            admin().post().uri("/admin/realms/{realm}/organizations/{org}/members", properties.realm(), orgId)
                    .contentType(MediaType.APPLICATION_JSON).body("\"" + id + "\"").retrieve().toBodilessEntity();
            change = change == Change.CREATED ? change : Change.CHANGED;
        }

        boolean hasRole = admin().get().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm",
                        properties.realm(), id)
                .retrieve().body(LIST).stream().anyMatch(r -> Roles.AGENCY_ADMIN.equals(r.get("name")));
        if (!hasRole) {
            Map<String, Object> role = admin().get().uri("/admin/realms/{realm}/roles/{role}", properties.realm(),
                    Roles.AGENCY_ADMIN).retrieve().body(OBJECT);
            admin().post().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), id)
                    .contentType(MediaType.APPLICATION_JSON).body(List.of(role)).retrieve().toBodilessEntity();
            change = change == Change.CREATED ? change : Change.CHANGED;
        }
        return new AdminChange(change, username, initialPassword);
    }

    /** Organizations are searched by name or domain, not alias, so we page through them (briefly). */
    Optional<Map<String, Object>> findOrganization(AgencySlug alias) {
        for (int first = 0; ; first += PAGE) {
            int offset = first;
            List<Map<String, Object>> page = admin().get().uri(b -> b.path("/admin/realms/{realm}/organizations")
                            .queryParam("first", offset).queryParam("max", PAGE)
                            .queryParam("briefRepresentation", true).build(properties.realm()))
                    .retrieve().body(LIST);
            if (page == null || page.isEmpty()) {
                return Optional.empty();
            }
            for (Map<String, Object> org : page) {
                if (alias.value().equals(org.get("alias"))) {
                    return Optional.of(org);
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
        }
    }

    private Optional<String> findUser(String username) {
        return admin().get().uri(b -> b.path("/admin/realms/{realm}/users").queryParam("username", username)
                        .queryParam("exact", true).build(properties.realm()))
                .retrieve().body(LIST).stream()
                .filter(u -> username.equalsIgnoreCase(String.valueOf(u.get("username"))))
                .map(u -> (String) u.get("id")).findFirst();
    }

    private RestClient admin() {
        return http.mutate().defaultHeader("Authorization", "Bearer " + accessToken()).build();
    }

    private synchronized String accessToken() {
        if (token == null || Instant.now().isAfter(tokenExpiry)) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.clientId());
            form.add("client_secret", properties.clientSecret());
            Map<String, Object> response = http.post()
                    .uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().onStatus(HttpStatusCode::isError, (request, r) -> {
                        throw new IllegalStateException("Keycloak refused the provisioning client "
                                + properties.clientId() + ": " + r.getStatusCode());
                    }).body(OBJECT);
            token = (String) response.get("access_token");
            long expiresIn = ((Number) response.getOrDefault("expires_in", 60)).longValue();
            tokenExpiry = Instant.now().plusSeconds(Math.max(5, expiresIn - 30));
        }
        return token;
    }

    private static String idFrom(URI location) {
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String temporaryPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
