package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;
import org.springframework.core.ParameterizedTypeReference;

import java.util.List;
import java.util.Map;

/** Looks at and cleans up what tests created in the real Keycloak. */
public final class KeycloakTestSupport {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private KeycloakTestSupport() {
    }

    public static boolean organizationEnabled(AgencySlug alias) {
        var organizations = new KeycloakOrganizations(RealKeycloak.properties());
        String id = (String) organizations.findOrganization(alias).orElseThrow().get("id");
        return Boolean.TRUE.equals(RealKeycloak.admin().get().uri("/organizations/{id}", id).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { }).get("enabled"));
    }

    public static void deleteOrganizationAndUser(AgencySlug alias, String username) {
        var api = RealKeycloak.admin();
        new KeycloakOrganizations(RealKeycloak.properties()).findOrganization(alias).ifPresent(org ->
                api.delete().uri("/organizations/{id}", org.get("id")).retrieve().toBodilessEntity());
        api.get().uri(b -> b.path("/users").queryParam("username", username).queryParam("exact", true).build())
                .retrieve().body(LIST).forEach(u ->
                        api.delete().uri("/users/{id}", u.get("id")).retrieve().toBodilessEntity());
    }

    /** Deletes an organization a test created together with every user that is a member of it. */
    public static void deleteOrganizationAndMembers(AgencySlug alias) {
        var api = RealKeycloak.admin();
        new KeycloakOrganizations(RealKeycloak.properties()).findOrganization(alias).ifPresent(org -> {
            api.get().uri("/organizations/{id}/members?max=1000", org.get("id")).retrieve().body(LIST).forEach(u ->
                    api.delete().uri("/users/{id}", u.get("id")).retrieve().toBodilessEntity());
            api.delete().uri("/organizations/{id}", org.get("id")).retrieve().toBodilessEntity();
        });
    }
}
