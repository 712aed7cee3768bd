package dev.gongkai.tenants.migration;

import static dev.gongkai.platform.jooq.core.Tables.PROVISIONING_STEP;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@TenantsWebTest
class MigrateAllTest {

    @TestTenant
    ManagedAgency agency;

    @Autowired
    TenantMigrations migrations;

    @Autowired
    MockMvc mvc;

    private void markSchemaCreated(TestDatabase db) {
        db.dsl()
                .insertInto(PROVISIONING_STEP)
                .set(PROVISIONING_STEP.AGENCY_SLUG, agency.slug().value())
                .set(PROVISIONING_STEP.STEP, "CREATE_SCHEMA")
                .execute();
    }

    @Test
    void bringsABehindSchemaUpToDateAndThenFindsNothingToDo(TestDatabase db) {
        markSchemaCreated(db);
        db.dsl().execute("drop table \"" + agency.schema() + "\".\"audit_entry\" cascade");
        db.dsl().execute("delete from \"" + agency.schema() + "\".databasechangelog where id = 'tenant-3-audit-entry'");

        var first = migrations.migrateAll(r -> {});
        var second = migrations.migrateAll(r -> {});

        assertThat(resultFor(first)).extracting(MigrationResult::outcome).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(resultFor(second)).extracting(MigrationResult::outcome).isEqualTo(MigrationOutcome.UP_TO_DATE);
        assertThat(second.failed()).isZero();
    }

    @Test
    void givesAnExistingSchemaTheAppendOnlyAuditTrail(TestDatabase db) {
        markSchemaCreated(db);
        String table = "\"" + agency.schema() + "\".\"audit_entry\"";
        // A schema from before the trigger existed.
        db.dsl().execute("drop function \"" + agency.schema() + "\".\"audit_entry_append_only\"() cascade");
        db.dsl()
                .execute("delete from \"" + agency.schema()
                        + "\".databasechangelog where id = 'reports-6-audit-append-only'");
        db.dsl()
                .execute("insert into " + table
                        + " (actor, action, target, hash) values ('a', 'report.create', 'report/2025', 'h1')");
        db.dsl().execute("update " + table + " set actor = 'b'");

        migrations.migrateAll(r -> {});

        assertThatThrownBy(() -> db.dsl().execute("update " + table + " set actor = 'c'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.dsl().execute("delete from " + table)).hasMessageContaining("append-only");
    }

    @Test
    void reportsAFailedSchemaWithoutStoppingTheOthers(TestDatabase db) {
        markSchemaCreated(db);
        db.dsl().execute("drop schema \"" + agency.schema() + "\" cascade");

        var summary = migrations.migrateAll(r -> {});

        assertThat(summary.failed()).isEqualTo(1);
        assertThat(resultFor(summary).error()).contains("does not exist");
    }

    @Test
    void theEndpointIsForPlatformAdmins(TestDatabase db) throws Exception {
        markSchemaCreated(db);
        mvc.perform(post("/api/admin/migrate-all").with(platformAdmin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failed").value(0));
    }

    private MigrationResult resultFor(TenantMigrations.Summary summary) {
        return summary.results().stream()
                .filter(r -> r.agency().equals(agency.slug()))
                .findFirst()
                .orElseThrow();
    }
}
