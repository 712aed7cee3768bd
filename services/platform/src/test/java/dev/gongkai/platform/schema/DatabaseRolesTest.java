package dev.gongkai.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.TestDatabase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * The grants of the DML role (README "Database roles"), table by table: what the application's login role may do
 * in {@code core} and in an agency schema, whichever way the schema was migrated, and on Citus the same.
 */
@GongkaiTest
class DatabaseRolesTest {

    private static final String DML = "SELECT, INSERT, UPDATE, DELETE";
    private static final String APPEND = "SELECT, INSERT";

    @Test
    void aFreshAgencySchemaGrantsDmlOnEveryTableAndOnlyAppendOnTheAuditTrail(TestDatabase db) {
        AgencySlug slug = AgencySlug.of("r" + UUID.randomUUID().toString().substring(0, 8));
        db.migrator().createAgencySchema(slug);
        assertThat(db.migrator().migrateAgency(slug).failed()).isFalse();

        assertGrants(db.dsl(), db.appUser(), slug.schemaName());
    }

    @Test
    void aSchemaMigratedBeforeTheGrantsGetsThemFromMigrateAll(TestDatabase db) {
        AgencySlug slug = AgencySlug.of("r" + UUID.randomUUID().toString().substring(0, 8));
        String schema = slug.schemaName();
        db.migrator().createAgencySchema(slug);
        db.migrator().migrateAgency(slug);
        // As an agency schema of the version before: no grants, no default privileges, no history row.
        db.dsl().execute("revoke all on all tables in schema \"" + schema + "\" from gongkai_dml");
        db.dsl().execute("revoke all on all sequences in schema \"" + schema + "\" from gongkai_dml");
        db.dsl().execute("revoke all on schema \"" + schema + "\" from gongkai_dml");
        db.dsl().execute("alter default privileges in schema \"" + schema + "\" revoke all on tables from gongkai_dml");
        db.dsl()
                .execute("alter default privileges in schema \"" + schema
                        + "\" revoke all on sequences from gongkai_dml");
        db.dsl().execute("delete from \"" + schema + "\".databasechangelog where id = 'reports-10-app-grants'");
        assertThat(privileges(db.dsl(), db.appUser(), schema))
                .allSatisfy((table, granted) -> assertThat(granted).as(table).isEmpty());

        MigrationResult result = db.migrator().migrateAgency(slug);

        assertThat(result.outcome()).isEqualTo(MigrationOutcome.MIGRATED);
        assertThat(result.appliedChangeSets()).isEqualTo(1);
        assertGrants(db.dsl(), db.appUser(), schema);
    }

    @Test
    void coreGrantsDmlOnItsTablesToTheLoginRole(TestDatabase db) {
        Map<String, String> core = privileges(db.dsl(), db.appUser(), "core");
        assertThat(core).containsKeys("agency", "outbox", "audit_checkpoint", "agency_membership", "report_state");
        assertThat(core)
                .allSatisfy((table, granted) ->
                        assertThat(granted).as(table).isEqualTo(table.startsWith("databasechangelog") ? "" : DML));
        assertThat(db.dsl().fetchValue("select has_schema_privilege(?, 'core', 'CREATE')", db.appUser()))
                .isEqualTo(false);
    }

    /** Roles are cluster-wide: runs that make the same login role at the same moment all succeed. */
    @Test
    void makingTheLoginRoleConcurrentlyFromManyConnectionsSucceedsOnce(TestDatabase db) throws Exception {
        String login =
                "gongkai_app_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        int parallel = 6;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                Callable<Void> run = () -> {
                    try (Connection c = db.connect()) {
                        start.await();
                        DatabaseRoles.ensureLogin(c, login, "demo-only-test");
                    }
                    return null;
                };
                runs.add(pool.submit(run));
            }
            for (Future<Void> run : runs) {
                run.get();
            }
            try (Connection c = db.connect()) {
                DatabaseRoles.ensureLogin(c, login, "demo-only-test");
            }
            assertThat(db.dsl()
                            .fetchValue(
                                    "select rolcanlogin and not rolsuper and not rolcreaterole"
                                            + " and pg_has_role(rolname, ?, 'member') from pg_roles where rolname = ?",
                                    DatabaseRoles.DML,
                                    login))
                    .isEqualTo(true);
        } finally {
            pool.shutdownNow();
            db.dsl().execute("drop role if exists \"" + login + "\"");
        }
    }

    private static void assertGrants(DSLContext dsl, String login, String schema) {
        Map<String, String> tables = privileges(dsl, login, schema);
        assertThat(tables)
                .containsKeys(
                        "report",
                        "report_revision",
                        "audit_entry",
                        "published_revision",
                        "review_comment",
                        "attachment");
        assertThat(tables)
                .allSatisfy((table, granted) -> assertThat(granted)
                        .as(table)
                        .isEqualTo(
                                table.startsWith("databasechangelog")
                                        ? ""
                                        : table.equals("audit_entry") ? APPEND : DML));
        assertThat(dsl.fetchValue(
                        "select has_schema_privilege(?, ?, 'USAGE') and not has_schema_privilege(?, ?," + " 'CREATE')",
                        login,
                        schema,
                        login,
                        schema))
                .isEqualTo(true);
        assertThat(dsl.fetch(
                                "select c.relname, has_sequence_privilege(?, c.oid, 'USAGE') from pg_class c"
                                        + " where c.relnamespace = ?::regnamespace and c.relkind = 'S'",
                                login,
                                '"' + schema + '"')
                        .intoMap(r -> r.get(0, String.class), r -> r.get(1, Boolean.class)))
                .isNotEmpty()
                .allSatisfy((sequence, usage) -> assertThat(usage).as(sequence).isTrue());
    }

    /** Each table of the schema with what the login role may do on it, in a fixed order ("" for nothing). */
    private static Map<String, String> privileges(DSLContext dsl, String login, String schema) {
        List<String> kinds = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER");
        return dsl
                .fetch(
                        "select c.relname from pg_class c where c.relnamespace = ?::regnamespace"
                                + " and c.relkind in ('r', 'p')",
                        '"' + schema + '"')
                .getValues(0, String.class)
                .stream()
                .collect(Collectors.toMap(
                        table -> table,
                        table -> kinds.stream()
                                .filter(kind -> Boolean.TRUE.equals(dsl.fetchValue(
                                        "select has_table_privilege(?, ?, ?)",
                                        login,
                                        '"' + schema + "\".\"" + table + '"',
                                        kind)))
                                .collect(Collectors.joining(", "))));
    }
}
