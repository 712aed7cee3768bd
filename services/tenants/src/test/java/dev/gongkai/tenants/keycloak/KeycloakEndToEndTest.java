package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain with nothing simulated: a user logs in at the real Keycloak, and the running tenants service
 * verifies that token (signature, issuer, audience) and resolves the agency from its organization claim.
 */
@GongkaiTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakEndToEndTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    @TestTenant(slug = "wuhai-psb", nameZh = "乌海市公安局", jurisdiction = "wuhai")
    static ManagedAgency psb;

    @LocalServerPort
    int port;

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    @Test
    void psbEditorLoggedInAtKeycloakActsForWuhaiPsb() {
        String token = RealKeycloak.passwordToken("psb-editor", "demo");

        var response = RestClient.create().get().uri("http://127.0.0.1:" + port + "/api/agencies/me")
                .header("Authorization", "Bearer " + token).retrieve().toEntity(OBJECT);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("slug", "wuhai-psb").containsEntry("nameZh", "乌海市公安局")
                .containsEntry("kind", "DEPARTMENT");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = RealKeycloak.passwordToken("psb-editor", "demo");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        var status = RestClient.create().get().uri("http://127.0.0.1:" + port + "/api/agencies/me")
                .header("Authorization", "Bearer " + forged)
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(401);
    }
}
