package dev.gongkai.tenants.users;

import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.testing.TestTokens.member;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static dev.gongkai.platform.testing.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Delegated administration on the real Keycloak: a city bureau (市公安局) whose admins a platform admin lets manage
 * the users of its branches (分局, and a branch's own branch), beside the agencies it must never reach: its own parent,
 * its sibling, a disclosure office and another city's agency that name it as their parent; and a second bureau
 * without the flag.
 */
@GongkaiTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class BranchDelegationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** 市政府-like top agency: the bureau's parent. */
    private static final AgencySlug TOP = AgencySlug.of("dlg-top-" + RUN);
    /** The bureau with the flag. */
    private static final AgencySlug BUREAU = AgencySlug.of("dlg-psb-" + RUN);

    private static final AgencySlug BRANCH = AgencySlug.of("dlg-br-" + RUN);
    /** A branch of the branch: any depth. */
    private static final AgencySlug SUB_BRANCH = AgencySlug.of("dlg-sub-" + RUN);
    /** The bureau's sibling under the top agency. */
    private static final AgencySlug SIBLING = AgencySlug.of("dlg-sib-" + RUN);

    private static final AgencySlug OFFICE_BELOW = AgencySlug.of("dlg-off-" + RUN);
    private static final AgencySlug OTHER_CITY = AgencySlug.of("dlg-far-" + RUN);
    /** A bureau without the flag, and its branch. */
    private static final AgencySlug PLAIN_BUREAU = AgencySlug.of("dlg-pln-" + RUN);

    private static final AgencySlug PLAIN_BRANCH = AgencySlug.of("dlg-plb-" + RUN);
    private static final List<AgencySlug> ALL =
            List.of(TOP, BUREAU, BRANCH, SUB_BRANCH, SIBLING, OFFICE_BELOW, OTHER_CITY, PLAIN_BUREAU, PLAIN_BRANCH);
    private static boolean provisioned;

    @Autowired
    MockMvc mvc;

    @Autowired
    Provisioner provisioner;

    @Autowired
    Jurisdictions jurisdictions;

    @Autowired
    MembershipStore memberships;

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    @BeforeEach
    void provisionTheCity() throws Exception {
        if (provisioned) {
            return;
        }
        provisioned = true;
        jurisdictions.ensure(new CreateJurisdiction("dlg-city", "授权测试市", null));
        jurisdictions.ensure(new CreateJurisdiction("dlg-district", "授权测试区", "dlg-city"));
        jurisdictions.ensure(new CreateJurisdiction("dlg-other", "另一市", null));
        provision(TOP, AgencyKind.DEPARTMENT, "dlg-city", null);
        provision(BUREAU, AgencyKind.DEPARTMENT, "dlg-city", TOP);
        provision(BRANCH, AgencyKind.POLICE_BRANCH, "dlg-district", BUREAU);
        provision(SUB_BRANCH, AgencyKind.POLICE_BRANCH, "dlg-district", BRANCH);
        provision(SIBLING, AgencyKind.DEPARTMENT, "dlg-city", TOP);
        provision(OFFICE_BELOW, AgencyKind.DISCLOSURE_OFFICE, "dlg-district", BUREAU);
        provision(OTHER_CITY, AgencyKind.POLICE_BRANCH, "dlg-other", BUREAU);
        provision(PLAIN_BUREAU, AgencyKind.DEPARTMENT, "dlg-city", null);
        provision(PLAIN_BRANCH, AgencyKind.POLICE_BRANCH, "dlg-district", PLAIN_BUREAU);
        delegate(BUREAU, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slug").value(BUREAU.value()))
                .andExpect(jsonPath("$.branchUsersDelegated").value(true));
    }

    @AfterAll
    static void removeThemFromKeycloak() {
        ALL.forEach(KeycloakTestSupport::deleteOrganizationAndMembers);
    }

    @Test
    void theBureausAdminListsAddsDisablesAndEnablesTheUsersOfEveryAgencyBelowIt() throws Exception {
        mvc.perform(get("/api/agencies/{slug}/users", BRANCH).with(adminOf(BUREAU)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[0]".formatted(BRANCH + "-admin"))
                        .value(Roles.AGENCY_ADMIN));
        mvc.perform(get("/api/agencies/{slug}", BRANCH).with(adminOf(BUREAU)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parent").value(BUREAU.value()));

        String username = SUB_BRANCH + "-clerk";
        mvc.perform(post("/api/agencies/{slug}/users", SUB_BRANCH)
                        .with(adminOf(BUREAU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"%s\", \"roles\": [\"agency-editor\", \"agency-admin\"]}"
                                .formatted(username)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.temporaryPassword").exists());
        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", SUB_BRANCH, username)
                        .with(adminOf(BUREAU)))
                .andExpect(status().isNoContent());
        // What the branch's own admin sees: the same user, disabled, with the roles granted from above.
        mvc.perform(get("/api/agencies/{slug}/users", SUB_BRANCH).with(adminOf(SUB_BRANCH)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(username))
                        .value(false))
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[*]".formatted(username))
                        .value(org.hamcrest.Matchers.containsInAnyOrder(Roles.AGENCY_ADMIN, Roles.AGENCY_EDITOR)));
        mvc.perform(post("/api/agencies/{slug}/users/{u}/enable", SUB_BRANCH, username)
                        .with(adminOf(BUREAU)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/agencies/{slug}/users", SUB_BRANCH).with(adminOf(BUREAU)))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(username))
                        .value(true));
    }

    /**
     * What the branch's own admin could do: make a clerk an approver, and remove someone from the branch, which takes
     * them out of the branch's Keycloak Organization too (they stay the bureau's editor, so they can still sign in,
     * and their fresh token no longer names the branch).
     */
    @Test
    void theBureausAdminChangesTheRolesOfABranchsMemberAndRemovesThem() throws Exception {
        String username = BRANCH + "-clerk";
        mvc.perform(post("/api/agencies/{slug}/users", BRANCH)
                        .with(adminOf(BUREAU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"%s\", \"roles\": [\"agency-editor\"]}".formatted(username)))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", BRANCH, username)
                        .with(adminOf(BUREAU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"agency-approver\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[*]").value(org.hamcrest.Matchers.contains(Roles.AGENCY_APPROVER)));
        mvc.perform(get("/api/agencies/{slug}/users", BRANCH).with(adminOf(BRANCH)))
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[*]".formatted(username))
                        .value(org.hamcrest.Matchers.contains(Roles.AGENCY_APPROVER)));
        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", BRANCH, username)
                        .with(adminOf(BUREAU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"office-admin\"]}"))
                .andExpect(status().isUnprocessableContent());

        String password = "T-" + UUID.randomUUID();
        String id = KeycloakTestSupport.readyToSignIn(username, password);
        memberships.grant(id, username, BUREAU, Set.of(Roles.AGENCY_EDITOR));
        assertThat(KeycloakTestSupport.organizationMembers(BRANCH)).contains(username);
        assertThat(KeycloakTestSupport.organizationClaim(RealKeycloak.passwordToken(username, password)))
                .containsExactly(BRANCH.value());

        mvc.perform(delete("/api/agencies/{slug}/users/{u}", BRANCH, username).with(adminOf(BUREAU)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/agencies/{slug}/users", BRANCH).with(adminOf(BRANCH)))
                .andExpect(jsonPath("$[*].username").value(not(hasItem(username))));
        assertThat(KeycloakTestSupport.organizationMembers(BRANCH)).doesNotContain(username);
        assertThat(KeycloakTestSupport.organizationClaim(RealKeycloak.passwordToken(username, password)))
                .doesNotContain(BRANCH.value());
    }

    @Test
    void neverTheBureausParentItsSiblingAnOfficeBelowItOrAnotherCitysAgency() throws Exception {
        for (AgencySlug outside : List.of(TOP, SIBLING, OFFICE_BELOW, OTHER_CITY, PLAIN_BRANCH)) {
            refusedAsUnknown(adminOf(BUREAU), outside);
        }
    }

    @Test
    void neverGrantsOfficeOrPlatformRolesInABranch() throws Exception {
        for (String role : List.of(Roles.OFFICE_ADMIN, Roles.OFFICE_REVIEWER, Roles.PLATFORM_ADMIN)) {
            mvc.perform(post("/api/agencies/{slug}/users", BRANCH)
                            .with(adminOf(BUREAU))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\": \"%s-x\", \"roles\": [\"%s\"]}".formatted(BRANCH, role)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("user.role-not-allowed"));
        }
        mvc.perform(get("/api/agencies/{slug}/users", BRANCH).with(platformAdmin()))
                .andExpect(jsonPath("$[*].username").value(not(hasItem(BRANCH + "-x"))));
    }

    @Test
    void aBranchsAdminCannotManageTheBureausUsersNorTheBureausApproverTheBranchs() throws Exception {
        refusedAsUnknown(adminOf(BRANCH), BUREAU);
        refusedAsUnknown(adminOf(BRANCH), SIBLING);
        refusedAsUnknown(token("approver-" + BUREAU, List.of(BUREAU), Roles.AGENCY_APPROVER), BRANCH);
    }

    /** Admin of the bureau, clerk of the branch: acting for the branch, they hold the clerk's role there and no more. */
    @Test
    void onlyActingForTheBureauDoTheyManageTheBranchsUsers() throws Exception {
        var both = member(
                "admin-" + BUREAU + "-clerk-" + BRANCH,
                Map.of(BUREAU, Set.of(Roles.AGENCY_ADMIN), BRANCH, Set.of(Roles.AGENCY_EDITOR)));
        mvc.perform(get("/api/agencies/{slug}/users", BRANCH).with(both).header("X-Agency", BUREAU.value()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/agencies/{slug}/users", BRANCH).with(both).header("X-Agency", BRANCH.value()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"));
        mvc.perform(get("/api/agencies/{slug}/users", SUB_BRANCH).with(both).header("X-Agency", BRANCH.value()))
                .andExpect(status().isNotFound());
    }

    @Test
    void withoutTheFlagNothingChangesAndClearingItTakesThePowerBack() throws Exception {
        refusedAsUnknown(adminOf(PLAIN_BUREAU), PLAIN_BRANCH);

        delegate(PLAIN_BUREAU, true)
                .andExpect(jsonPath("$.branchUsersDelegated").value(true));
        mvc.perform(get("/api/agencies/{slug}/users", PLAIN_BRANCH).with(adminOf(PLAIN_BUREAU)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/agencies").with(platformAdmin()))
                .andExpect(jsonPath("$[?(@.slug == '%s')].branchUsersDelegated".formatted(PLAIN_BUREAU))
                        .value(true))
                .andExpect(jsonPath("$[?(@.slug == '%s')].branchUsersDelegated".formatted(PLAIN_BRANCH))
                        .value(false));

        delegate(PLAIN_BUREAU, false)
                .andExpect(jsonPath("$.branchUsersDelegated").value(false));
        refusedAsUnknown(adminOf(PLAIN_BUREAU), PLAIN_BRANCH);
        // Each change is on record, once: clearing an already clear flag records nothing.
        delegate(PLAIN_BUREAU, false).andExpect(status().isOk());
        assertThat(TestDatabase.shared()
                        .dsl()
                        .fetch(
                                OUTBOX,
                                OUTBOX.AGGREGATE
                                        .eq("agency:" + PLAIN_BUREAU)
                                        .and(OUTBOX.TYPE.eq("BranchDelegationChanged")))
                        .map(r -> r.getPayload().data()))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("\"branchUsersDelegated\": true"))
                .anySatisfy(p -> assertThat(p).contains("\"branchUsersDelegated\": false"));
    }

    @Test
    void onlyAPlatformAdminSetsTheFlag() throws Exception {
        for (var caller : List.of(adminOf(PLAIN_BUREAU), adminOf(BUREAU), adminOf(PLAIN_BRANCH))) {
            mvc.perform(put("/api/agencies/{slug}/branch-delegation", PLAIN_BUREAU)
                            .with(caller)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"branchUsersDelegated\": true}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(put("/api/agencies/{slug}/branch-delegation", PLAIN_BUREAU)
                        .with(platformAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/agencies/{slug}/users", PLAIN_BRANCH).with(adminOf(PLAIN_BUREAU)))
                .andExpect(status().isNotFound());
    }

    /** 404 on every users endpoint, as for an agency that does not exist, and nothing added or disabled. */
    private void refusedAsUnknown(JwtRequestPostProcessor caller, AgencySlug agency) throws Exception {
        mvc.perform(get("/api/agencies/{slug}/users", agency).with(caller))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
        mvc.perform(get("/api/agencies/{slug}", agency).with(caller)).andExpect(status().isNotFound());
        mvc.perform(post("/api/agencies/{slug}/users", agency)
                        .with(caller)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"%s-intruder\", \"roles\": [\"agency-editor\"]}".formatted(agency)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/agencies/{slug}/users/{u}/disable", agency, agency + "-admin")
                        .with(caller))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/agencies/{slug}/users/{u}/roles", agency, agency + "-admin")
                        .with(caller)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\": [\"agency-editor\"]}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
        mvc.perform(delete("/api/agencies/{slug}/users/{u}", agency, agency + "-admin")
                        .with(caller))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("agency.not-found"));
        mvc.perform(get("/api/agencies/{slug}/users", agency).with(platformAdmin()))
                .andExpect(jsonPath("$[*].username").value(not(hasItem(agency + "-intruder"))))
                .andExpect(jsonPath("$[*].username").value(hasItem(agency + "-admin")))
                .andExpect(jsonPath("$[?(@.username == '%s')].enabled".formatted(agency + "-admin"))
                        .value(true))
                .andExpect(jsonPath("$[?(@.username == '%s')].roles[*]".formatted(agency + "-admin"))
                        .value(org.hamcrest.Matchers.contains(Roles.AGENCY_ADMIN)));
    }

    private ResultActions delegate(AgencySlug agency, boolean delegated) throws Exception {
        return mvc.perform(put("/api/agencies/{slug}/branch-delegation", agency)
                .with(platformAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"branchUsersDelegated\": %s}".formatted(delegated)));
    }

    private void provision(AgencySlug slug, AgencyKind kind, String jurisdiction, AgencySlug parent) {
        provisioner.provision(new ProvisionAgency(
                slug.value(), "授权测试 " + slug, kind, jurisdiction, parent == null ? null : parent.value(), null));
    }

    private static JwtRequestPostProcessor adminOf(AgencySlug agency) {
        return token("admin-" + agency, List.of(agency), Roles.AGENCY_ADMIN);
    }
}
