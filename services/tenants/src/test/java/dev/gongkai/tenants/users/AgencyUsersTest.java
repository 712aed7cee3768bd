package dev.gongkai.tenants.users;

import static dev.gongkai.platform.jooq.core.Tables.ORGANIZATION_SYNC;
import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.testing.TestTokens.member;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.tenants.keycloak.KeycloakTestSupport;
import dev.gongkai.tenants.keycloak.RealKeycloak;
import dev.gongkai.tenants.provisioning.ProvisionAgency;
import dev.gongkai.tenants.provisioning.Provisioner;
import dev.gongkai.tenants.registry.CreateJurisdiction;
import dev.gongkai.tenants.registry.Jurisdictions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.client.RestClient;

/**
 * An agency's users on the real Keycloak: two agencies provisioned for the class (organization and first admin
 * created there), users added, disabled and enabled through the API, and removed with their organizations afterwards.
 */
@GongkaiTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AgencyUsersTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AgencySlug A = AgencySlug.of("usr-a-" + RUN);
    private static final AgencySlug B = AgencySlug.of("usr-b-" + RUN);
    /** An agency for the last-admin guard, whose admins the tests of the others do not add to. */
    private static final AgencySlug C = AgencySlug.of("usr-c-" + RUN);

    private static boolean provisioned;

    @Autowired
    MockMvc mvc;

    @Autowired
    Provisioner provisioner;

    @Autowired
    Jurisdictions jurisdictions;

    @Autowired
    MembershipStore memberships;

    @Autowired
    OrganizationSync organizationSync;

    @LocalServerPort
    int port;

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    /**
     * Once for the class, but with the Spring context of a test instance (a PER_CLASS instance would start the
     * context before the test database is exported).
     */
    @BeforeEach
    void provisionTwoAgencies() {
        if (provisioned) {
            return;
        }
        provisioned = true;
        jurisdictions.ensure(new CreateJurisdiction("kc-city", "测试市", null));
        for (AgencySlug slug : List.of(A, B, C)) {
            provisioner.provision(
                    new ProvisionAgency(slug.value(), "测试机构 " + slug, AgencyKind.DEPARTMENT, "kc-city", null, null));
        }
    }

    @AfterAll
    static void removeThemFromKeycloak() {
        KeycloakTestSupport.deleteOrganizationAndMembers(A);
        KeycloakTestSupport.deleteOrganizationAndMembers(B);
        KeycloakTestSupport.deleteOrganizationAndMembers(C);
    }

    @Test
    void listsTheFirstAdminOfAProvisionedAgencyWithRoleAndPendingPasswordChange() throws Exception {
        String admin = "$[?(@.username == '%s')]".formatted(A + "-admin");
        mvc.perform(get("/api/agencies/{slug}/users", A).with(platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(admin + ".enabled").value(true))
                .andExpect(jsonPath(admin + ".roles[0]").value(Roles.AGENCY_ADMIN))
                .andExpect(jsonPath(admin + ".roles.length()").value(1))
                .andExpect(jsonPath(admin + ".requiredActions[0]").value("UPDATE_PASSWORD"));
    }

    @Test
    void addsAUserWithATemporaryPasswordShownOnceAndListsThemWithThePasswordChangePending() throws Exception {
        String username = A + "-editor";
        mvc.perform(post("/api/agencies/{slug}/users", A)
                        .with(adminOf(A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "%s", "email": "%s@example.test", "firstName": "伟", "lastName": "李",
                                 "roles": ["agency-editor", "agency-approver"]}""".formatted(username, username)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.temporaryPassword").value(matchesPattern("\\S{16}")))
                .andExpect(jsonPath("$.member.username").value(username))
                .andExpect(jsonPath("$.member.roles").value(contains(Roles.AGENCY_APPROVER, Roles.AGENCY_EDITOR)));

        mvc.perform(get("/api/agencies/{slug}/users", A).with(adminOf(A)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '%s')].email".formatted(username))
                        .value(username + "@example.test"))
                .andExpect(jsonPath("$[?(@.username == '%s')].lastName".formatted(username))
                        .value("李"))
                .andExpect(jsonPath("$[?(@.username == '%s')].requiredActions[0]".formatted(username))
                        .value("UPDATE_PASSWORD"))
                .andExpect(jsonPath("$[*].temporaryPassword").isEmpty());

        mvc.perform(post("/api/agencies/{slug}/users", A)
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"%s\", \"roles\": [\"agency-editor\"]}".formatted(username)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("user.exists"));
    }

    @Test
    void disablesAndEnablesAUser() throws Exception {
        String username = A + "-approver";
        create(A, username, "agency-approver");

        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", A, username).with(adminOf(A)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/agencies/{slug}/users", A).with(adminOf(A)))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(username))
                        .value(false));

        mvc.perform(post("/api/agencies/{slug}/users/{u}/enable", A, username).with(platformAdmin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/agencies/{slug}/users", A).with(adminOf(A)))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(username))
                        .value(true));
    }

    @Test
    void nobodyDisablesTheirOwnAccount() throws Exception {
        String username = A + "-self";
        create(A, username, "agency-admin");
        // Stands for that admin by username (the registry lists this token's stand-in user beside them).
        var self = token(username, List.of(A), Roles.AGENCY_ADMIN);
        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", A, username).with(self))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("user.self-disable"))
                .andExpect(jsonPath("$.message_zh").value("不能停用自己的账号"));
        mvc.perform(get("/api/agencies/{slug}/users", A).with(platformAdmin()))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(username))
                        .value(not(hasItem(false))));
    }

    @Test
    void anAgencyAdminCannotSeeOrTouchAnotherAgencysUsers() throws Exception {
        mvc.perform(get("/api/agencies/{slug}/users", B).with(adminOf(A)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
        mvc.perform(post("/api/agencies/{slug}/users", B)
                        .with(adminOf(A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"%s-intruder\", \"roles\": [\"agency-editor\"]}".formatted(B)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", B, B + "-admin")
                        .with(adminOf(A)))
                .andExpect(status().isNotFound());

        mvc.perform(get("/api/agencies/{slug}/users", B).with(platformAdmin()))
                .andExpect(jsonPath("$[*].username").value(not(hasItem(B + "-intruder"))))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(B + "-admin"))
                        .value(true));
    }

    @Test
    void aUserOfAnotherAgencyCannotBeDisabledThroughThisOne() throws Exception {
        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", A, B + "-admin")
                        .with(platformAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user.not-found"));
    }

    @Test
    void anEditorIsForbidden() throws Exception {
        var editor = token("editor-" + A, List.of(A), Roles.AGENCY_EDITOR);
        mvc.perform(get("/api/agencies/{slug}/users", A).with(editor))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"))
                .andExpect(jsonPath("$.message_zh").exists())
                .andExpect(jsonPath("$.message_en").exists());
    }

    @Test
    void refusesThePlatformAdminRoleAndOfficeRolesOutsideAnOffice() throws Exception {
        for (String role : List.of(Roles.PLATFORM_ADMIN, Roles.OFFICE_REVIEWER)) {
            mvc.perform(post("/api/agencies/{slug}/users", A)
                            .with(platformAdmin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\": \"%s-x\", \"roles\": [\"agency-editor\", \"%s\"]}"
                                    .formatted(A, role)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("user.role-not-allowed"))
                    .andExpect(jsonPath("$.role").value(role));
        }
        mvc.perform(get("/api/agencies/{slug}/users", A).with(platformAdmin()))
                .andExpect(jsonPath("$[*].username").value(not(hasItem(A + "-x"))));
    }

    @Test
    void theFirstAdminSignedInAtKeycloakListsTheirAgencysUsersAndNoOtherAgencys() {
        String password = "T-" + UUID.randomUUID();
        KeycloakTestSupport.readyToSignIn(B + "-admin", password);
        var http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + RealKeycloak.passwordToken(B + "-admin", password))
                .build();

        List<?> users =
                http.get().uri("/api/agencies/{slug}/users", B).retrieve().body(List.class);
        int other = http.get()
                .uri("/api/agencies/{slug}/users", A)
                .exchange((request, response) -> response.getStatusCode().value());

        assertThat(users)
                .anySatisfy(u -> assertThat(u.toString()).contains("username=" + B + "-admin", "agency-admin"));
        assertThat(other).isEqualTo(404);
    }

    /** Disabling someone in one agency leaves them their account and their roles in another. */
    @Test
    void disablingAPersonInOneAgencyLeavesThemTheOther() throws Exception {
        String username = A + "-both";
        create(A, username, "agency-editor");
        String password = "T-" + UUID.randomUUID();
        String id = KeycloakTestSupport.readyToSignIn(username, password);
        memberships.grant(id, username, B, java.util.Set.of(Roles.AGENCY_APPROVER));

        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", A, username).with(adminOf(A)))
                .andExpect(status().isNoContent());

        var http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + RealKeycloak.passwordToken(username, password))
                .build();
        assertThat(http.get().uri("/api/agencies/me").retrieve().body(String.class))
                .contains(B.value());
        int actingForA = http.get()
                .uri("/api/agencies/me")
                .header("X-Agency", A.value())
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(actingForA).isEqualTo(404);
        mvc.perform(get("/api/agencies/{slug}/users", B).with(platformAdmin()))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(username))
                        .value(true));
    }

    /**
     * A clerk of A, approver of B, made approver and admin of A: their next request holds the new roles in A and the
     * old ones in B; removed from A they keep B and their account, and leave A's Keycloak Organization; removed from B
     * too (whose organization they never joined: nothing to leave there), their account is disabled, not deleted.
     */
    @Test
    void changedRolesHoldOnTheNextRequestAndRemovalEndsOnlyThatMembership() throws Exception {
        String username = A + "-clerk";
        create(A, username, "agency-editor");
        String password = "T-" + UUID.randomUUID();
        String id = KeycloakTestSupport.readyToSignIn(username, password);
        memberships.grant(id, username, B, java.util.Set.of(Roles.AGENCY_APPROVER));
        var http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + RealKeycloak.passwordToken(username, password))
                .build();
        assertThat(usersOfAStatus(http)).isEqualTo(403);

        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", A, username)
                        .with(adminOf(A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"agency-admin\", \"agency-approver\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles").value(contains(Roles.AGENCY_ADMIN, Roles.AGENCY_APPROVER)));

        assertThat(usersOfAStatus(http)).isEqualTo(200);
        String me = http.get().uri("/api/me").retrieve().body(String.class);
        assertThat(me)
                .contains(
                        "\"slug\":\"" + A + "\"",
                        "\"roles\":[\"agency-admin\",\"agency-approver\"]",
                        "\"slug\":\"" + B + "\"",
                        "\"roles\":[\"agency-approver\"]");
        mvc.perform(get("/api/agencies/{slug}/users", A).with(platformAdmin()))
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[*]".formatted(username))
                        .value(containsInAnyOrder(Roles.AGENCY_ADMIN, Roles.AGENCY_APPROVER)));

        assertThat(KeycloakTestSupport.organizationMembers(A)).contains(username);
        assertThat(KeycloakTestSupport.organizationClaim(RealKeycloak.passwordToken(username, password)))
                .containsExactly(A.value());

        mvc.perform(delete("/api/agencies/{slug}/users/{u}", A, username).with(adminOf(A)))
                .andExpect(status().isNoContent());
        assertThat(usersOfAStatus(http)).isEqualTo(404);
        // Out of A's Keycloak Organization too: a fresh token no longer names A (B was granted in the registry only).
        assertThat(KeycloakTestSupport.organizationMembers(A)).doesNotContain(username);
        assertThat(KeycloakTestSupport.organizationClaim(RealKeycloak.passwordToken(username, password)))
                .doesNotContain(A.value());
        assertThat(http.get().uri("/api/me").retrieve().body(String.class))
                .doesNotContain("\"slug\":\"" + A + "\"")
                .contains("\"slug\":\"" + B + "\"");
        assertThat(RealKeycloak.passwordToken(username, password)).isNotBlank();
        mvc.perform(get("/api/agencies/{slug}/users", A).with(platformAdmin()))
                .andExpect(jsonPath("$[*].username").value(not(hasItem(username))));
        mvc.perform(get("/api/agencies/{slug}/users", B).with(platformAdmin()))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(username))
                        .value(true));

        mvc.perform(delete("/api/agencies/{slug}/users/{u}", B, username).with(platformAdmin()))
                .andExpect(status().isNoContent());
        assertThatThrownBy(() -> RealKeycloak.passwordToken(username, password)).isInstanceOf(RuntimeException.class);
        assertThat(RealKeycloak.admin()
                        .get()
                        .uri("/users?exact=true&username={u}", username)
                        .retrieve()
                        .body(String.class))
                .contains("\"enabled\":false");

        var events =
                TestDatabase.shared().dsl().fetch(OUTBOX, OUTBOX.AGGREGATE.in("agency:" + A, "agency:" + B)).stream()
                        .filter(r -> r.getPayload().data().contains(id))
                        .map(r -> r.getType())
                        .toList();
        assertThat(events).containsExactlyInAnyOrder("MemberRolesChanged", "MemberRemoved", "MemberRemoved");
    }

    /**
     * Keycloak's side of a removal it failed to carry out at the time (a row left in {@code core.organization_sync},
     * as {@code KeycloakHangsTest} leaves one) is carried out by a later run once Keycloak answers: the person leaves
     * the organization and, acting for no agency any more, is disabled. A row whose next attempt is not yet due waits.
     */
    @Test
    void aRemovalKeycloakFailedIsCarriedOutByALaterRun() throws Exception {
        String username = A + "-leaver";
        create(A, username, "agency-editor");
        String password = "T-" + UUID.randomUUID();
        String id = KeycloakTestSupport.readyToSignIn(username, password);
        String notDue = A + "-notdue";
        create(A, notDue, "agency-editor");
        String notDueId = KeycloakTestSupport.readyToSignIn(notDue, "T-" + UUID.randomUUID());
        var dsl = TestDatabase.shared().dsl();
        // The registry's side, as a removal commits it, with Keycloak's side failed once.
        memberships.remove(A, id);
        memberships.remove(A, notDueId);
        dsl.insertInto(ORGANIZATION_SYNC)
                .set(ORGANIZATION_SYNC.USER_ID, id)
                .set(ORGANIZATION_SYNC.AGENCY_SLUG, A.value())
                .set(ORGANIZATION_SYNC.ATTEMPTS, 1)
                .set(ORGANIZATION_SYNC.LAST_ERROR, "Keycloak did not answer")
                .execute();
        dsl.insertInto(ORGANIZATION_SYNC)
                .set(ORGANIZATION_SYNC.USER_ID, notDueId)
                .set(ORGANIZATION_SYNC.AGENCY_SLUG, A.value())
                .set(ORGANIZATION_SYNC.ATTEMPTS, 1)
                .set(
                        ORGANIZATION_SYNC.NEXT_ATTEMPT_AT,
                        java.time.OffsetDateTime.now().plusHours(1))
                .execute();
        assertThat(KeycloakTestSupport.organizationMembers(A)).contains(username, notDue);

        organizationSync.runDue();

        assertThat(KeycloakTestSupport.organizationMembers(A))
                .doesNotContain(username)
                .contains(notDue);
        assertThatThrownBy(() -> RealKeycloak.passwordToken(username, password)).isInstanceOf(RuntimeException.class);
        assertThat(dsl.fetchCount(ORGANIZATION_SYNC, ORGANIZATION_SYNC.USER_ID.eq(id)))
                .isZero();
        assertThat(dsl.fetchCount(ORGANIZATION_SYNC, ORGANIZATION_SYNC.USER_ID.eq(notDueId)))
                .isOne();
        dsl.deleteFrom(ORGANIZATION_SYNC)
                .where(ORGANIZATION_SYNC.USER_ID.eq(notDueId))
                .execute();
    }

    @Test
    void changingRolesGrantsOnlyWhatAddingDoesAndOnlyToMembers() throws Exception {
        String username = A + "-rolesonly";
        create(A, username, "agency-editor");
        for (String role : List.of(Roles.PLATFORM_ADMIN, Roles.OFFICE_REVIEWER, Roles.OFFICE_ADMIN)) {
            mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", A, username)
                            .with(adminOf(A))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"roles\": [\"agency-editor\", \"%s\"]}".formatted(role)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("user.role-not-allowed"));
        }
        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", A, username)
                        .with(adminOf(A))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": []}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", A, B + "-admin")
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"agency-editor\"]}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user.not-found"));
        mvc.perform(delete("/api/agencies/{slug}/users/{u}", A, B + "-admin").with(platformAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("user.not-found"));
        mvc.perform(get("/api/agencies/{slug}/users", A).with(platformAdmin()))
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[*]".formatted(username))
                        .value(contains(Roles.AGENCY_EDITOR)));
        mvc.perform(get("/api/agencies/{slug}/users", B).with(platformAdmin()))
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[*]".formatted(B + "-admin"))
                        .value(contains(Roles.AGENCY_ADMIN)));
    }

    /**
     * C's first admin disabled, its one other admin may neither drop their admin role nor leave; once not alone, may.
     * (They are B's clerk too, so leaving C leaves their account alone: this stand-in has none in Keycloak.)
     */
    @Test
    void theLastEnabledAdminKeepsTheirAdminRoleAndTheirMembership() throws Exception {
        String username = C + "-solo";
        var solo = member(
                username,
                java.util.Map.of(C, java.util.Set.of(Roles.AGENCY_ADMIN), B, java.util.Set.of(Roles.AGENCY_EDITOR)));
        mvc.perform(get("/api/agencies/{slug}/users", C).with(solo)).andExpect(status().isOk());
        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", C, C + "-admin")
                        .with(platformAdmin()))
                .andExpect(status().isNoContent());

        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", C, username)
                        .with(solo)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"agency-editor\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("user.last-admin"))
                .andExpect(jsonPath("$.message_zh").value(org.hamcrest.Matchers.startsWith("至少保留一名管理员")))
                .andExpect(jsonPath("$.message_en")
                        .value(org.hamcrest.Matchers.startsWith("Keep at least one administrator")));
        mvc.perform(delete("/api/agencies/{slug}/users/{u}", C, username).with(solo))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("user.last-admin"));
        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", C, username)
                        .with(solo)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"agency-admin\", \"agency-approver\"]}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/agencies/{slug}/users", C).with(solo))
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[*]".formatted(username))
                        .value(contains(Roles.AGENCY_ADMIN, Roles.AGENCY_APPROVER)));

        mvc.perform(post("/api/agencies/{slug}/users/{u}/enable", C, C + "-admin")
                        .with(platformAdmin()))
                .andExpect(status().isNoContent());
        mvc.perform(delete("/api/agencies/{slug}/users/{u}", C, username).with(solo))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/agencies/{slug}/users", C).with(platformAdmin()))
                .andExpect(jsonPath("$[*].username").value(not(hasItem(username))));
    }

    private static int usersOfAStatus(RestClient http) {
        return http.get()
                .uri("/api/agencies/{slug}/users", A)
                .header("X-Agency", A.value())
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private void create(AgencySlug agency, String username, String role) throws Exception {
        mvc.perform(post("/api/agencies/{slug}/users", agency)
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"%s\", \"roles\": [\"%s\"]}".formatted(username, role)))
                .andExpect(status().isCreated());
    }

    private static JwtRequestPostProcessor adminOf(AgencySlug agency) {
        return token("admin-" + agency, List.of(agency), Roles.AGENCY_ADMIN);
    }
}
