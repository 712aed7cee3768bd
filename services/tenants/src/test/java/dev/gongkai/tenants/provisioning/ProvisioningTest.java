package dev.gongkai.tenants.provisioning;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.AGENCY_MEMBERSHIP;
import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.jooq.core.Tables.PROVISIONING_STEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.ProvisioningReport;
import dev.gongkai.contract.ProvisioningStep;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.tenants.registry.CreateJurisdiction;
import dev.gongkai.tenants.registry.Jurisdictions;
import dev.gongkai.tenants.users.MembershipStore;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@GongkaiTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ProvisioningTest {

    @TestConfiguration
    static class Fixtures {
        @Bean
        @Primary
        InMemoryOrganizations inMemoryOrganizations() {
            return new InMemoryOrganizations();
        }

        @Bean
        InterruptingListener interruptingListener() {
            return new InterruptingListener();
        }
    }

    @Autowired
    Provisioner provisioner;

    @Autowired
    InterruptingListener crash;

    @Autowired
    InMemoryOrganizations organizations;

    @Autowired
    Jurisdictions jurisdictions;

    @Autowired
    MembershipStore memberships;

    DSLContext db;

    @BeforeEach
    void city(TestDatabase database) {
        db = database.dsl();
        jurisdictions.ensure(new CreateJurisdiction("prov-city", "测试市", null));
    }

    private static ProvisionAgency command(String slug) {
        return new ProvisionAgency(slug, "测试市教育局", AgencyKind.DEPARTMENT, "prov-city", null, null);
    }

    private static String uniqueSlug() {
        return "p" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Everything provisioning leaves behind, with the slug taken out so two agencies can be compared. */
    private String stateOf(String slug) {
        AgencySlug agency = AgencySlug.of(slug);
        return String.join(
                "\n",
                "agency="
                        + db.select(AGENCY.NAME_ZH, AGENCY.KIND, AGENCY.JURISDICTION_SLUG, AGENCY.STATUS)
                                .from(AGENCY)
                                .where(AGENCY.SLUG.eq(slug))
                                .fetch()
                                .formatCSV(false)
                                .strip()
                                .replace("\n", ","),
                "steps="
                        + db.select(PROVISIONING_STEP.STEP)
                                .from(PROVISIONING_STEP)
                                .where(PROVISIONING_STEP.AGENCY_SLUG.eq(slug))
                                .orderBy(PROVISIONING_STEP.STEP)
                                .fetch()
                                .formatCSV(false)
                                .strip()
                                .replace("\n", ","),
                "tables="
                        + db.fetch(
                                        "select table_name from information_schema.tables where table_schema = ? "
                                                + "order by 1",
                                        agency.schemaName())
                                .formatCSV(false)
                                .strip()
                                .replace("\n", ","),
                "changelog="
                        + db.fetch("select id, md5sum from \"" + agency.schemaName()
                                        + "\".databasechangelog order by orderexecuted")
                                .formatCSV(false)
                                .strip()
                                .replace("\n", ","),
                "events=" + db.fetchCount(OUTBOX, OUTBOX.AGGREGATE.eq("agency:" + slug)),
                "organization=" + organizations.organizations.get(agency),
                "admin="
                        + organizations
                                .memberships
                                .getOrDefault(slug + "-admin", java.util.Set.of())
                                .contains(agency)
                        + "/"
                        + db.select(AGENCY_MEMBERSHIP.ROLE)
                                .from(AGENCY_MEMBERSHIP)
                                .where(
                                        AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(slug),
                                        AGENCY_MEMBERSHIP.USERNAME.eq(slug + "-admin"))
                                .fetch()
                                .formatCSV(false)
                                .strip());
    }

    /** Rows and timestamps exactly, for "changes nothing". */
    private String exactRowsOf(String slug) {
        return db.selectFrom(AGENCY).where(AGENCY.SLUG.eq(slug)).fetch().formatCSV()
                + db.selectFrom(PROVISIONING_STEP)
                        .where(PROVISIONING_STEP.AGENCY_SLUG.eq(slug))
                        .fetch()
                        .formatCSV()
                + db.fetch("select * from \"" + AgencySlug.of(slug).schemaName() + "\".databasechangelog")
                        .formatCSV();
    }

    @Test
    void provisionsEverythingInOneRun() {
        String slug = uniqueSlug();
        ProvisioningReport report = provisioner.provision(command(slug));

        assertThat(report.outcome()).isEqualTo(ProvisioningReport.Outcome.PROVISIONED);
        assertThat(report.steps())
                .extracting(ProvisioningReport.StepResult::outcome)
                .containsOnly(ProvisioningReport.StepOutcome.DONE);
        assertThat(report.adminUsername()).isEqualTo(slug + "-admin");
        assertThat(report.initialAdminPassword()).isNotBlank();
        assertThat(stateOf(slug))
                .contains(
                        "events=1",
                        "organization=true",
                        "admin=true/agency-admin",
                        "audit_entry",
                        "report_revision",
                        "databasechangeloglock");
    }

    @Test
    void runningItTwiceChangesNothing() {
        String slug = uniqueSlug();
        provisioner.provision(command(slug));
        String before = stateOf(slug) + exactRowsOf(slug);

        ProvisioningReport again = provisioner.provision(command(slug));

        assertThat(again.outcome()).isEqualTo(ProvisioningReport.Outcome.UNCHANGED);
        assertThat(again.steps())
                .extracting(ProvisioningReport.StepResult::outcome)
                .containsOnly(ProvisioningReport.StepOutcome.ALREADY_DONE);
        assertThat(again.initialAdminPassword()).isNull();
        assertThat(stateOf(slug) + exactRowsOf(slug)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(ProvisioningStep.class)
    void aRunKilledAfterAnyStepFinishesWhenRunAgain(ProvisioningStep crashAfter) {
        String reference = uniqueSlug();
        provisioner.provision(command(reference));
        String slug = uniqueSlug();
        crash.crashOnceAfter(AgencySlug.of(slug), crashAfter);

        assertThatThrownBy(() -> provisioner.provision(command(slug))).isInstanceOf(InterruptingListener.Crash.class);
        List<String> recorded = db.select(PROVISIONING_STEP.STEP)
                .from(PROVISIONING_STEP)
                .where(PROVISIONING_STEP.AGENCY_SLUG.eq(slug))
                .fetch(PROVISIONING_STEP.STEP);
        assertThat(recorded)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProvisioningStep.values())
                        .filter(s -> s.ordinal() <= crashAfter.ordinal())
                        .map(Enum::name)
                        .toList());

        ProvisioningReport resumed = provisioner.provision(command(slug));

        assertThat(resumed.steps())
                .allMatch(r -> r.step().ordinal() > crashAfter.ordinal()
                        ? r.outcome() == ProvisioningReport.StepOutcome.DONE
                        : r.outcome() == ProvisioningReport.StepOutcome.ALREADY_DONE);
        assertThat(stateOf(slug).replace(slug, "X"))
                .isEqualTo(stateOf(reference).replace(reference, "X"));
        String finished = exactRowsOf(slug);
        assertThat(provisioner.provision(command(slug)).outcome()).isEqualTo(ProvisioningReport.Outcome.UNCHANGED);
        assertThat(exactRowsOf(slug)).isEqualTo(finished);
    }

    @Test
    void refusesASlugAlreadyTakenByAnotherAgency() {
        String slug = uniqueSlug();
        provisioner.provision(command(slug));
        var other = new ProvisionAgency(slug, "另一个机构", AgencyKind.DEPARTMENT, "prov-city", null, null);

        assertThatThrownBy(() -> provisioner.provision(other)).hasFieldOrPropertyWithValue("code", "agency.exists");
    }

    @Test
    void refusesAnUnknownJurisdictionBeforeCreatingAnything() {
        String slug = uniqueSlug();
        var command = new ProvisionAgency(slug, "X", AgencyKind.DEPARTMENT, "no-such-city", null, null);

        assertThatThrownBy(() -> provisioner.provision(command))
                .hasFieldOrPropertyWithValue("code", "jurisdiction.not-found");
        assertThat(db.fetchCount(AGENCY, AGENCY.SLUG.eq(slug))).isZero();
    }

    @Test
    void anExistingUserNamedFirstAdminOfANewAgencyIsAdminThereOnly() {
        String first = uniqueSlug();
        String second = uniqueSlug();
        String person = first + "-clerk";
        provisioner.provision(command(first));
        var clerk = organizations.ensureMember(AgencySlug.of(first), person, null);
        memberships.grant(clerk.userId(), person, AgencySlug.of(first), Set.of(Roles.AGENCY_EDITOR));

        provisioner.provision(new ProvisionAgency(
                second,
                "测试市卫健委",
                AgencyKind.DEPARTMENT,
                "prov-city",
                null,
                new ProvisionAgency.FirstAdmin(person, null)));

        assertThat(db.select(AGENCY_MEMBERSHIP.AGENCY_SLUG, AGENCY_MEMBERSHIP.ROLE)
                        .from(AGENCY_MEMBERSHIP)
                        .where(AGENCY_MEMBERSHIP.USERNAME.eq(person))
                        .orderBy(AGENCY_MEMBERSHIP.ROLE)
                        .fetch()
                        .map(r -> r.value1() + ":" + r.value2()))
                .containsExactlyInAnyOrder(first + ":" + Roles.AGENCY_EDITOR, second + ":" + Roles.AGENCY_ADMIN);
    }
}
