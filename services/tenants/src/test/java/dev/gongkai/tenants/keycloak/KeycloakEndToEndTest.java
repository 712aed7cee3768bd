package dev.gongkai.tenants.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.provisioning.ProvisionAgency;
import dev.gongkai.tenants.provisioning.Provisioner;
import dev.gongkai.tenants.users.MembershipStore;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * The whole chain with nothing simulated: a user the test creates in the real Keycloak signs in there, and the
 * running tenants service verifies that token (signature, issuer, audience) and resolves the acting agency from the
 * registry's memberships. No demo user is involved, so whatever someone did to the demo's users by hand cannot
 * change the outcome; the test's users and its agency's organization are removed afterwards.
 */
@GongkaiTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakEndToEndTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String EDITOR = "e2e-editor-" + RUN;
    private static final String NAMED_ADMIN = "e2e-named-" + RUN;
    private static final String PASSWORD = "E2e-" + UUID.randomUUID();
    private static final AgencySlug NEW_AGENCY = AgencySlug.of("e2e-new-" + RUN);

    /** Its jurisdiction e2e-city is also the new agency's. */
    @TestTenant(nameZh = "测试市公安局", jurisdiction = "e2e-city")
    static ManagedAgency bureau;

    @LocalServerPort
    int port;

    @Autowired
    MembershipStore memberships;

    @Autowired
    Provisioner provisioner;

    private static String editorId;

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    @BeforeEach
    void anEditorOfTheBureau() {
        if (editorId == null) {
            editorId = KeycloakTestSupport.createUser(EDITOR, PASSWORD);
        }
        memberships.grant(editorId, EDITOR, bureau.slug(), Set.of(Roles.AGENCY_EDITOR));
    }

    @AfterAll
    static void removeTheTestsUsers() {
        KeycloakTestSupport.deleteOrganizationAndMembers(NEW_AGENCY);
        KeycloakTestSupport.deleteUser(EDITOR);
        KeycloakTestSupport.deleteUser(NAMED_ADMIN);
    }

    @Test
    void anEditorSignedInAtKeycloakActsForTheirAgency() {
        var response = call(RealKeycloak.passwordToken(EDITOR, PASSWORD), "/api/agencies/me", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"slug\":\"" + bureau.slug() + "\"", "测试市公安局", "DEPARTMENT");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = RealKeycloak.passwordToken(EDITOR, PASSWORD);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(call(forged, "/api/agencies/me", null).status()).isEqualTo(401);
    }

    /**
     * The reproduction: an editor named first admin of a newly provisioned agency got 403 on
     * /api/agencies/me everywhere (no organization claim once in two organizations), and with an
     * {@code organization:*} token could list the users of the agency they only edit in.
     */
    @Test
    void anEditorNamedFirstAdminOfANewAgencyIsAdminThereOnlyAndStillActsForBoth() {
        String id = KeycloakTestSupport.createUser(NAMED_ADMIN, PASSWORD);
        memberships.grant(id, NAMED_ADMIN, bureau.slug(), Set.of(Roles.AGENCY_EDITOR));
        provisioner.provision(new ProvisionAgency(
                NEW_AGENCY.value(),
                "测试市新机构",
                AgencyKind.DEPARTMENT,
                "e2e-city",
                null,
                new ProvisionAgency.FirstAdmin(NAMED_ADMIN, null)));

        for (String token : new String[] {
            RealKeycloak.passwordToken(NAMED_ADMIN, PASSWORD),
            RealKeycloak.passwordToken(NAMED_ADMIN, PASSWORD, "organization:*")
        }) {
            assertThat(call(token, "/api/agencies/me", null).body()).contains("agency.ambiguous");
            assertThat(call(token, "/api/agencies/me", bureau.slug()).status()).isEqualTo(200);
            assertThat(call(token, "/api/agencies/me", NEW_AGENCY).body()).contains(NEW_AGENCY.value());

            for (AgencySlug acting : new AgencySlug[] {bureau.slug(), NEW_AGENCY}) {
                var bureauUsers = call(token, "/api/agencies/" + bureau.slug() + "/users", acting);
                assertThat(bureauUsers.status())
                        .as("the bureau's users, acting for " + acting)
                        .isEqualTo(403);
                assertThat(bureauUsers.body()).doesNotContain(NAMED_ADMIN);
                var newUsers = call(token, "/api/agencies/" + NEW_AGENCY + "/users", acting);
                assertThat(newUsers.status())
                        .as("the new agency's users, acting for " + acting)
                        .isEqualTo(200);
                assertThat(newUsers.body())
                        .contains("\"username\":\"" + NAMED_ADMIN + "\"", Roles.AGENCY_ADMIN)
                        .doesNotContain(Roles.AGENCY_EDITOR);
            }
        }
    }

    record Answer(int status, String body) {}

    private Answer call(String token, String path, AgencySlug acting) {
        var request = RestClient.create()
                .get()
                .uri("http://127.0.0.1:" + port + path)
                .header("Authorization", "Bearer " + token);
        if (acting != null) {
            request = request.header("X-Agency", acting.value());
        }
        return request.exchange((req, response) -> new Answer(
                response.getStatusCode().value(),
                new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
