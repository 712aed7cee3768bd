package dev.gongkai.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@GongkaiTest
class SchemaMigratorTest {

    private static AgencySlug uniqueSlug() {
        return AgencySlug.of("m" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void migratesANewSchemaThenFindsItUpToDate(TestDatabase db) {
        AgencySlug slug = uniqueSlug();
        SchemaMigrator migrator = db.migrator();
        assertThat(migrator.createAgencySchema(slug)).isTrue();

        MigrationResult first = migrator.migrateAgency(slug);
        MigrationResult second = migrator.migrateAgency(slug);

        assertThat(first.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(first.appliedChangeSets()).isGreaterThanOrEqualTo(3);
        assertThat(second.outcome()).isEqualTo(MigrationOutcome.UP_TO_DATE);
        assertThat(db.dsl()
                        .fetch(
                                "select table_name from information_schema.tables where table_schema = ?",
                                slug.schemaName())
                        .getValues(0, String.class))
                .contains("report", "report_revision", "audit_entry");
    }

    @Test
    void creatingAnExistingSchemaChangesNothing(TestDatabase db) {
        AgencySlug slug = uniqueSlug();
        assertThat(db.migrator().createAgencySchema(slug)).isTrue();
        assertThat(db.migrator().createAgencySchema(slug)).isFalse();
    }

    @Test
    void reportsAMissingSchemaAsAFailureInsteadOfCreatingIt(TestDatabase db) {
        AgencySlug slug = uniqueSlug();
        MigrationResult result = db.migrator().migrateAgency(slug);
        assertThat(result.failed()).isTrue();
        assertThat(result.error()).contains("does not exist");
        assertThat(db.migrator().schemaExists(slug)).isFalse();
    }

    @Test
    void reappliesAChangeSetMissingFromTheHistory(TestDatabase db) {
        AgencySlug slug = uniqueSlug();
        db.migrator().createAgencySchema(slug);
        db.migrator().migrateAgency(slug);
        db.dsl().execute("drop table \"" + slug.schemaName() + "\".\"audit_entry\" cascade");
        db.dsl()
                .execute("delete from \"" + slug.schemaName()
                        + "\".databasechangelog where id = 'tenant-3-audit-entry'");

        MigrationResult result = db.migrator().migrateAgency(slug);

        assertThat(result.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(result.appliedChangeSets()).isEqualTo(1);
    }
}
