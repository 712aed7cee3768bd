package dev.gongkai.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of the tenants service's registry and of the branches page as the services write them and the console
 * reads them back: the members keep the names and values the JSON answers had before the console read them as
 * records.
 */
class RegistryRecordsJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private <T> T roundTrip(T value, Class<T> type) {
        return json.readValue(json.writeValueAsString(value), type);
    }

    @Test
    void anAgencyNamesItsKindStatusAndJurisdictionAsBefore() {
        AgencyView agency = new AgencyView(
                "wuhai-psb-haibowan",
                "乌海市公安局海勃湾区分局",
                AgencyKind.POLICE_BRANCH,
                "wuhai-psb",
                new JurisdictionView("wuhai", "乌海市", null),
                AgencyStatus.ACTIVE,
                false);

        JsonNode written = json.readTree(json.writeValueAsString(agency));

        assertThat(written.propertyNames())
                .containsExactly("slug", "nameZh", "kind", "parent", "jurisdiction", "status", "branchUsersDelegated");
        assertThat(written.path("kind").asString()).isEqualTo("POLICE_BRANCH");
        assertThat(written.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(written.path("jurisdiction").path("slug").asString()).isEqualTo("wuhai");
        assertThat(written.path("jurisdiction").path("parent").isNull()).isTrue();
        assertThat(roundTrip(agency, AgencyView.class)).isEqualTo(agency);
    }

    @Test
    void theCallerListsPlatformRolesAndEachAgencysRoles() {
        MeView me = new MeView(
                "psb-admin",
                List.of(),
                List.of(new MeView.Membership(
                        "wuhai-psb", "乌海市公安局", AgencyKind.DEPARTMENT, List.of("agency-admin", "agency-editor"))));

        JsonNode written = json.readTree(json.writeValueAsString(me));

        assertThat(written.path("agencies").get(0).path("kind").asString()).isEqualTo("DEPARTMENT");
        assertThat(written.path("agencies").get(0).path("roles").get(1).asString())
                .isEqualTo("agency-editor");
        assertThat(roundTrip(me, MeView.class)).isEqualTo(me);
    }

    @Test
    void aMemberAndTheOneJustAddedKeepTheirNames() {
        MemberView member =
                new MemberView("li.wei", null, "伟", "李", true, List.of("agency-editor"), List.of("UPDATE_PASSWORD"));
        MemberView.Added added = new MemberView.Added(member, "tmp-123");

        JsonNode written = json.readTree(json.writeValueAsString(added));

        assertThat(written.path("member").path("username").asString()).isEqualTo("li.wei");
        assertThat(written.path("member").path("requiredActions").get(0).asString())
                .isEqualTo("UPDATE_PASSWORD");
        assertThat(written.path("temporaryPassword").asString()).isEqualTo("tmp-123");
        assertThat(roundTrip(added, MemberView.Added.class)).isEqualTo(added);
    }

    @Test
    void aBranchsProgressWritesInstantsAndItsStatusAsBefore() {
        BranchesView branches = new BranchesView(
                2025,
                List.of(new BranchProgress(
                        "wuhai-psb-haibowan",
                        "海勃湾区分局",
                        "wuhai-psb",
                        2025,
                        ReportStatus.SUBMITTED,
                        0,
                        2,
                        Instant.parse("2026-01-10T02:00:00Z"),
                        null,
                        LocalDate.parse("2026-01-31"),
                        false,
                        false)));

        JsonNode written = json.readTree(json.writeValueAsString(branches));

        JsonNode branch = written.path("branches").get(0);
        assertThat(branch.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(branch.path("submittedAt").asString()).isEqualTo("2026-01-10T02:00:00Z");
        assertThat(branch.path("publishedAt").isNull()).isTrue();
        assertThat(branch.path("deadline").asString()).isEqualTo("2026-01-31");
        assertThat(roundTrip(branches, BranchesView.class)).isEqualTo(branches);
    }

    @Test
    void provisioningNamesItsStepsAndOutcomes() {
        ProvisioningReport report = new ProvisioningReport(
                "wuhai-health",
                ProvisioningReport.Outcome.PROVISIONED,
                List.of(new ProvisioningReport.StepResult(
                        ProvisioningStep.CREATE_SCHEMA, ProvisioningReport.StepOutcome.ALREADY_DONE)),
                "wuhai-health-admin",
                null);

        JsonNode written = json.readTree(json.writeValueAsString(report));

        assertThat(written.path("steps").get(0).path("step").asString()).isEqualTo("CREATE_SCHEMA");
        assertThat(written.path("steps").get(0).path("outcome").asString()).isEqualTo("ALREADY_DONE");
        assertThat(written.path("initialAdminPassword").isNull()).isTrue();
        assertThat(roundTrip(report, ProvisioningReport.class)).isEqualTo(report);
    }

    @Test
    void migrationsReadAsTheAdminPageShowsThem() {
        MigrationStates states = new MigrationStates(
                12,
                1,
                0,
                List.of(new MigrationStates.SchemaState(
                        "wuhai-health",
                        "agency_wuhai_health",
                        11,
                        1,
                        0,
                        "0011-attachments",
                        LocalDateTime.parse("2026-12-01T08:00:00"),
                        false)));
        MigrationSummary summary = new MigrationSummary(
                1,
                0,
                0,
                1,
                List.of(new MigrationSummary.SchemaResult(
                        "wuhai-health", "agency_wuhai_health", MigrationOutcome.FAILED, 0, 12, "lock")));

        assertThat(json.readTree(json.writeValueAsString(states))
                        .path("states")
                        .get(0)
                        .path("lastAppliedAt")
                        .asString())
                .isEqualTo("2026-12-01T08:00:00");
        assertThat(json.readTree(json.writeValueAsString(summary))
                        .path("results")
                        .get(0)
                        .path("outcome")
                        .asString())
                .isEqualTo("FAILED");
        assertThat(roundTrip(states, MigrationStates.class)).isEqualTo(states);
        assertThat(roundTrip(summary, MigrationSummary.class)).isEqualTo(summary);
    }
}
