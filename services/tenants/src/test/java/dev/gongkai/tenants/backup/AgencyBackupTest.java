package dev.gongkai.tenants.backup;

import static dev.gongkai.platform.jooq.agency_template.Tables.AUDIT_ENTRY;
import static dev.gongkai.platform.jooq.agency_template.Tables.REPORT;
import static dev.gongkai.platform.jooq.agency_template.Tables.REPORT_REVISION;
import static dev.gongkai.platform.jooq.agency_template.Tables.REVIEW_COMMENT;
import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.AGENCY_MEMBERSHIP;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.platform.jooq.core.Tables.PROVISIONING_STEP;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import dev.gongkai.tenants.keycloak.KeycloakOrganizations;
import dev.gongkai.tenants.keycloak.KeycloakProperties;
import dev.gongkai.tenants.keycloak.KeycloakTestSupport;
import dev.gongkai.tenants.keycloak.RealKeycloak;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * One agency exported from this run's database and restored into a second, empty-but-for-one-agency database:
 * the restored agency works there, and neither the other agency of the source nor the target's own agency is
 * touched by either step.
 */
@TenantsWebTest
class AgencyBackupTest {

    @TestTenant(jurisdiction = "backup-city")
    ManagedAgency exported;

    @TestTenant(jurisdiction = "backup-city")
    ManagedAgency bystander;

    @Autowired
    AgencyBackups backups;

    @Autowired
    DataSource dataSource;

    @Autowired
    SchemaMigrator migrator;

    @Autowired
    JsonMapper json;

    @Value("${gongkai.backup.mac-key}")
    String macKey;

    @TempDir
    Path dir;

    TestDatabase target;
    AgencySlug resident = AgencySlug.of("resident-agency");

    @BeforeEach
    void secondDatabaseWithAnAgencyOfItsOwn() {
        target = TestDatabase.another();
        target.dsl()
                .insertInto(JURISDICTION)
                .set(JURISDICTION.SLUG, "other-city")
                .set(JURISDICTION.NAME_ZH, "另一城市")
                .execute();
        target.dsl()
                .insertInto(AGENCY)
                .set(AGENCY.SLUG, resident.value())
                .set(AGENCY.NAME_ZH, "原有机构")
                .set(AGENCY.KIND, AgencyKind.DEPARTMENT)
                .set(AGENCY.JURISDICTION_SLUG, "other-city")
                .execute();
        target.migrator().createAgencySchema(resident);
        target.migrator().migrateAgency(resident);
        writeReports(target.dsl(resident), 2025, "resident");
    }

    @AfterEach
    void dropSecondDatabase() {
        target.close();
    }

    @Test
    void restoresOneAgencyIntoAnotherDatabaseAndTouchesNoOther(TestDatabase source) {
        writeReports(exported.dsl(), 2024, "editor-a");
        writeReports(exported.dsl(), 2025, "editor-a");
        writeReports(bystander.dsl(), 2025, "editor-b");
        source.dsl()
                .insertInto(PROVISIONING_STEP)
                .set(PROVISIONING_STEP.AGENCY_SLUG, exported.slug().value())
                .set(PROVISIONING_STEP.STEP, "CREATE_SCHEMA")
                .execute();
        source.dsl()
                .insertInto(REPORT_STATE)
                .set(REPORT_STATE.AGENCY_SLUG, exported.slug().value())
                .set(REPORT_STATE.YEAR, 2025)
                .set(REPORT_STATE.JURISDICTION_SLUG, "backup-city")
                .set(REPORT_STATE.STATUS, ReportStatus.SUBMITTED)
                .set(REPORT_STATE.DEADLINE, LocalDate.of(2026, 1, 31))
                .set(REPORT_STATE.LATE, false)
                .execute();
        Map<String, String> exportedBefore = fingerprint(source.dsl(), exported.slug());
        Map<String, String> bystanderBefore = fingerprint(source.dsl(), bystander.slug());
        Map<String, String> residentBefore = fingerprint(target.dsl(), resident);

        Path file = dir.resolve("export.zip");
        var manifest = backups.export(exported.slug(), file);
        var restored = backups.restore(file, target.migrator(), target::connect, line -> {});

        assertThat(manifest.tables())
                .extracting(AgencyArchive.TableFile::table)
                .contains("report", "report_revision", "review_comment", "audit_entry", "databasechangelog");
        assertThat(restored.lines()).anyMatch(l -> l.contains("report ") && l.contains("checksum verified"));
        // Same rows in the target as in the source, and nobody else changed anywhere.
        assertThat(fingerprint(target.dsl(), exported.slug())).isEqualTo(exportedBefore);
        assertThat(fingerprint(source.dsl(), exported.slug())).isEqualTo(exportedBefore);
        assertThat(fingerprint(source.dsl(), bystander.slug())).isEqualTo(bystanderBefore);
        assertThat(fingerprint(target.dsl(), resident)).isEqualTo(residentBefore);
        assertThat(target.dsl().fetchCount(AGENCY)).isEqualTo(2);
    }

    @Test
    void theRestoredAgencyWorks() {
        writeReports(exported.dsl(), 2025, "editor-a");
        Path file = dir.resolve("export.zip");
        backups.export(exported.slug(), file);

        backups.restore(file, target.migrator(), target::connect, line -> {});

        var registry = new AgencyRegistry(target.dsl());
        assertThat(registry.find(exported.slug()))
                .get()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AgencyStatus.ACTIVE));
        DSLContext agencyDsl = new AgencyDsl(target.dsl()).of(exported.slug());
        assertThat(agencyDsl.selectFrom(REPORT).fetch())
                .singleElement()
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo(ReportStatus.SUBMITTED));
        // New rows get new ids: the identity sequences continue after the restored rows.
        long nextComment = agencyDsl
                .insertInto(REVIEW_COMMENT)
                .set(REVIEW_COMMENT.YEAR, 2025)
                .set(REVIEW_COMMENT.ANCHOR, "section-2")
                .set(REVIEW_COMMENT.BODY, "恢复后的新意见")
                .set(REVIEW_COMMENT.AUTHOR, "office")
                .set(REVIEW_COMMENT.FROM_OFFICE, true)
                .returning(REVIEW_COMMENT.ID)
                .fetchOne()
                .getId();
        assertThat(nextComment).isGreaterThan(2);
        // The restored schema is at this build's changelog state, as migrate-all sees it.
        assertThat(target.migrator().migrateAgency(exported.slug()).outcome()).isEqualTo(MigrationOutcome.UP_TO_DATE);
    }

    @Test
    void theAgencysMembershipsTravelWithItAndNoOneElses(TestDatabase source) {
        member(source.dsl(), exported.slug(), "user-1", "clerk-a", "agency-editor", true);
        member(source.dsl(), exported.slug(), "user-1", "clerk-a", "agency-approver", true);
        member(source.dsl(), exported.slug(), "user-2", "former-admin", "agency-admin", false);
        member(source.dsl(), bystander.slug(), "user-1", "clerk-a", "agency-admin", true);
        var memberships = source.dsl()
                .selectFrom(AGENCY_MEMBERSHIP)
                .where(AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(exported.slug().value()))
                .orderBy(AGENCY_MEMBERSHIP.USER_ID, AGENCY_MEMBERSHIP.ROLE)
                .fetch();
        Path file = dir.resolve("export.zip");

        var manifest = backups.export(exported.slug(), file);
        var restored = backups.restore(file, target.migrator(), target::connect, line -> {});

        assertThat(manifest.registry())
                .filteredOn(f -> f.table().equals("agency_membership"))
                .singleElement()
                .satisfies(f -> assertThat(f.rows()).isEqualTo(3));
        assertThat(restored.lines()).anyMatch(l -> l.contains("core.agency_membership") && l.contains("3 added"));
        // Every column as it was (the user ids, who was disabled, when each role was granted), and only these rows.
        assertThat(target.dsl()
                        .selectFrom(AGENCY_MEMBERSHIP)
                        .orderBy(AGENCY_MEMBERSHIP.USER_ID, AGENCY_MEMBERSHIP.ROLE)
                        .fetch()
                        .intoMaps())
                .isEqualTo(memberships.intoMaps());
    }

    /**
     * Restored into another platform, a membership must name the person as this realm knows them: by the id this
     * realm gave their username, not the source realm's (with which nobody could act for the agency here).
     */
    @Test
    void membershipsTakeThisRealmsUserIdsByUsername(TestDatabase source) {
        RealKeycloak.requireRunning();
        String username = "restored-" + UUID.randomUUID().toString().substring(0, 8);
        String absent = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        String here = KeycloakTestSupport.createUser(username, "Gk-2026-restore-pass!");
        try {
            member(source.dsl(), exported.slug(), "id-in-the-source-realm", username, "agency-editor", true);
            member(source.dsl(), exported.slug(), "id-in-the-source-realm", username, "agency-approver", true);
            member(source.dsl(), exported.slug(), "id-of-someone-gone", absent, "agency-admin", false);
            Path file = dir.resolve("export.zip");
            backups.export(exported.slug(), file);
            var keycloak = new KeycloakOrganizations(new KeycloakProperties(
                    true,
                    RealKeycloak.URL,
                    RealKeycloak.REALM,
                    "gongkai-provisioner",
                    System.getenv().getOrDefault("GONGKAI_PROVISIONER_SECRET", "provisioner-secret"),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(10)));

            var restored = new AgencyBackups(dataSource, migrator, json, keycloak, macKey)
                    .restore(file, target.migrator(), target::connect, line -> {});

            assertThat(target.dsl()
                            .select(AGENCY_MEMBERSHIP.USER_ID)
                            .from(AGENCY_MEMBERSHIP)
                            .where(AGENCY_MEMBERSHIP.USERNAME.eq(username))
                            .fetch(AGENCY_MEMBERSHIP.USER_ID))
                    .containsExactly(here, here);
            assertThat(target.dsl()
                            .select(AGENCY_MEMBERSHIP.USER_ID)
                            .from(AGENCY_MEMBERSHIP)
                            .where(AGENCY_MEMBERSHIP.USERNAME.eq(absent))
                            .fetch(AGENCY_MEMBERSHIP.USER_ID))
                    .containsExactly("id-of-someone-gone");
            assertThat(restored.lines())
                    .contains("core.agency_membership: 1 of 2 people given this realm's user id (found by username)")
                    .anyMatch(l -> l.contains("this realm has no account " + absent));
        } finally {
            KeycloakTestSupport.deleteUser(username);
        }
    }

    @Test
    void refusesAnAgencyThatAlreadyHasDataThereAndChangesNothing() {
        writeReports(exported.dsl(), 2025, "editor-a");
        Path file = dir.resolve("export.zip");
        backups.export(exported.slug(), file);
        backups.restore(file, target.migrator(), target::connect, line -> {});
        Map<String, String> restored = fingerprint(target.dsl(), exported.slug());

        assertThatThrownBy(() -> backups.restore(file, target.migrator(), target::connect, line -> {}))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("agency.exists");
                    assertThat(e.messageZh()).contains("已存在且已有数据");
                    assertThat(e.messageEn()).contains("already exists in the target database with data");
                });
        assertThat(fingerprint(target.dsl(), exported.slug())).isEqualTo(restored);
    }

    private static void member(
            DSLContext dsl, AgencySlug agency, String userId, String username, String role, boolean enabled) {
        dsl.insertInto(AGENCY_MEMBERSHIP)
                .set(AGENCY_MEMBERSHIP.USER_ID, userId)
                .set(AGENCY_MEMBERSHIP.USERNAME, username)
                .set(AGENCY_MEMBERSHIP.AGENCY_SLUG, agency.value())
                .set(AGENCY_MEMBERSHIP.ROLE, role)
                .set(AGENCY_MEMBERSHIP.ENABLED, enabled)
                .set(AGENCY_MEMBERSHIP.GRANTED_AT, java.time.OffsetDateTime.parse("2026-03-01T09:30:00.123456+08:00"))
                .execute();
    }

    private static void writeReports(DSLContext agency, int year, String author) {
        agency.insertInto(REPORT)
                .set(REPORT.YEAR, year)
                .set(REPORT.FORMAT, "gov-2021")
                .set(REPORT.STATUS, ReportStatus.SUBMITTED)
                .set(REPORT.REVISION, 2)
                .set(REPORT.DOCUMENT, JSONB.valueOf("{\"title\":\"" + year + "年政府信息公开工作年度报告\",\"cells\":{\"t3.1\":7}}"))
                .execute();
        for (int revision = 1; revision <= 2; revision++) {
            agency.insertInto(REPORT_REVISION)
                    .set(REPORT_REVISION.YEAR, year)
                    .set(REPORT_REVISION.REVISION, revision)
                    .set(REPORT_REVISION.DOCUMENT, JSONB.valueOf("{\"revision\":" + revision + "}"))
                    .set(REPORT_REVISION.AUTHOR, author)
                    .execute();
        }
        long first = agency.insertInto(REVIEW_COMMENT)
                .set(REVIEW_COMMENT.YEAR, year)
                .set(REVIEW_COMMENT.ANCHOR, "t3.1")
                .set(REVIEW_COMMENT.BODY, "请核对 \"第三部分\",\n数字")
                .set(REVIEW_COMMENT.AUTHOR, "office")
                .set(REVIEW_COMMENT.FROM_OFFICE, true)
                .returning(REVIEW_COMMENT.ID)
                .fetchOne()
                .getId();
        agency.insertInto(REVIEW_COMMENT)
                .set(REVIEW_COMMENT.YEAR, year)
                .set(REVIEW_COMMENT.PARENT_ID, first)
                .set(REVIEW_COMMENT.ANCHOR, "t3.1")
                .set(REVIEW_COMMENT.BODY, "已核对")
                .set(REVIEW_COMMENT.AUTHOR, author)
                .set(REVIEW_COMMENT.FROM_OFFICE, false)
                .execute();
        agency.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ACTOR, author)
                .set(AUDIT_ENTRY.ACTION, "report.submit")
                .set(AUDIT_ENTRY.TARGET, "report:" + year)
                .set(AUDIT_ENTRY.HASH, author + "-" + year + "-hash")
                .execute();
    }

    /** A digest of every table of the agency's schema and of its rows in core: equal digests, equal data. */
    private static Map<String, String> fingerprint(DSLContext dsl, AgencySlug agency) {
        Map<String, String> result = new LinkedHashMap<>();
        List<String> tables = dsl.fetch(
                        "select tablename from pg_tables where schemaname = ? order by tablename", agency.schemaName())
                .getValues(0, String.class);
        for (String table : tables) {
            if (table.startsWith("databasechangelog")) {
                continue;
            }
            result.put(
                    table,
                    text(
                            dsl,
                            "select coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') " + "from \""
                                    + agency.schemaName() + "\".\"" + table + "\" t"));
        }
        result.put("core.agency", text(dsl, "select md5(t::text) from core.agency t where slug = ?", agency.value()));
        result.put(
                "core.report_state",
                text(
                        dsl,
                        "select coalesce(md5(string_agg(t::text, '|' order by "
                                + "t::text)), '-') from core.report_state t where agency_slug = ?",
                        agency.value()));
        return result;
    }

    private static String text(DSLContext dsl, String sql, Object... bindings) {
        return String.valueOf(dsl.fetchValue(sql, bindings));
    }
}
