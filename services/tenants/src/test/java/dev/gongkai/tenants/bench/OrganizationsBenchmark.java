package dev.gongkai.tenants.bench;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.tenants.keycloak.KeycloakOrganizations;
import dev.gongkai.tenants.keycloak.KeycloakProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The Keycloak part of provisioning, measured on its own: N organizations created through
 * {@link KeycloakOrganizations} (then found again, which must change nothing), removed afterwards.
 */
final class OrganizationsBenchmark {

    private static final String URL = System.getenv().getOrDefault("GONGKAI_KEYCLOAK_URL", "http://127.0.0.1:8180");
    private static final String SECRET =
            System.getenv().getOrDefault("GONGKAI_PROVISIONER_SECRET", "provisioner-secret");

    private OrganizationsBenchmark() {}

    static void run(int count) {
        var organizations = new KeycloakOrganizations(new KeycloakProperties(
                true,
                URL,
                "gongkai",
                "gongkai-provisioner",
                SECRET,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(10)));
        String prefix = "bench-org-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        try {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                organizations.ensureOrganization(AgencySlug.of(prefix + i), "基准测试机构 " + prefix + i);
            }
            double create = (System.nanoTime() - start) / 1e6 / count;
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                organizations.ensureOrganization(AgencySlug.of(prefix + i), "基准测试机构 " + prefix + i);
            }
            double again = (System.nanoTime() - start) / 1e6 / count;
            System.out.printf(
                    "Keycloak organizations, %d: %.1f ms each to create, %.1f ms each to find existing%n",
                    count, create, again);
        } catch (RuntimeException e) {
            System.out.println("Keycloak organizations not measured (" + URL + "): " + e.getMessage());
        } finally {
            removeOrganizationsStartingWith(prefix);
        }
    }

    private static void removeOrganizationsStartingWith(String prefix) {
        try {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", "gongkai-provisioner");
            form.add("client_secret", SECRET);
            Map<String, Object> token = RestClient.create()
                    .post()
                    .uri(URL + "/realms/gongkai/protocol/openid-connect/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(new ParameterizedTypeReference<>() {});
            RestClient admin = RestClient.builder()
                    .baseUrl(URL + "/admin/realms/gongkai")
                    .defaultHeader("Authorization", "Bearer " + token.get("access_token"))
                    .build();
            List<Map<String, Object>> orgs = admin.get()
                    .uri("/organizations?search=基准测试机构&max=1000")
                    .retrieve()
                    .body(new ParameterizedTypeReference<>() {});
            orgs.stream()
                    .filter(o -> String.valueOf(o.get("alias")).startsWith(prefix))
                    .forEach(o -> admin.delete()
                            .uri("/organizations/{id}", o.get("id"))
                            .retrieve()
                            .toBodilessEntity());
        } catch (RuntimeException e) {
            System.out.println("Could not remove benchmark organizations " + prefix + "*: " + e.getMessage());
        }
    }
}
