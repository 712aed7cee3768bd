package dev.gongkai.platform.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.StoredPasswords;
import dev.gongkai.platform.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * in {@code core} and in an agency schema, whichever way the schema was migrated, and on Citus the same; and its
 * password, which no statement the server logs may contain.
 * The test servers trust loopback, so logins are checked against the stored verifier ({@link StoredPasswords}).
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

    @Test
    void theLoginRolesPasswordIsNeverInTheStatementsTheServerLogs(TestDatabase db) throws Exception {
        String login = uniqueLogin();
        String password = "pw-" + UUID.randomUUID();
        ServerLog log = ServerLog.of(db);
        long from = log.size();
        try (Connection c = db.connect()) {
            String marker = loggingEveryStatement(c);
            DatabaseRoles.ensureLogin(c, login, password);

            assertThat(log.waitFor(from, marker))
                    .contains("create role \"" + login + "\" login")
                    .doesNotContain(password);
        } finally {
            db.dsl().execute("drop role if exists \"" + login + "\"");
        }
    }

    @Test
    void theLoginRoleAcceptsItsPasswordAndNoOther(TestDatabase db) throws Exception {
        String login = uniqueLogin();
        String password = "pw-" + UUID.randomUUID();
        try (Connection c = db.connect()) {
            DatabaseRoles.ensureLogin(c, login, password);

            assertThat(StoredPasswords.verifier(db, login)).startsWith("SCRAM-SHA-256$");
            assertThat(StoredPasswords.accepts(db, login, password)).isTrue();
            assertThat(StoredPasswords.accepts(db, login, password + "x")).isFalse();
        } finally {
            db.dsl().execute("drop role if exists \"" + login + "\"");
        }
    }

    @Test
    void rotatingThePasswordRefusesTheOldOneAcceptsTheNewOneAndKeepsOpenConnections(TestDatabase db) throws Exception {
        String login = uniqueLogin();
        String old = "old-" + UUID.randomUUID();
        String rotated = "new-" + UUID.randomUUID();
        try (Connection c = db.connect()) {
            DatabaseRoles.ensureLogin(c, login, old);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(login);
        config.setPassword(old);
        config.setMinimumIdle(2);
        config.setMaximumPoolSize(2);
        ServerLog log = ServerLog.of(db);
        try (HikariDataSource pool = new HikariDataSource(config);
                Connection held = pool.getConnection()) {
            long from = log.size();
            try (Connection c = db.connect()) {
                String marker = loggingEveryStatement(c);
                DatabaseRoles.changePassword(c, login, rotated);
                assertThat(log.waitFor(from, marker)).doesNotContain(rotated);
            }

            assertThat(StoredPasswords.accepts(db, login, rotated)).isTrue();
            assertThat(StoredPasswords.accepts(db, login, old)).isFalse();
            assertThat(currentUser(held)).isEqualTo(login);
            try (Connection idle = pool.getConnection()) {
                assertThat(currentUser(idle)).isEqualTo(login);
            }
        } finally {
            db.dsl().execute("drop role if exists \"" + login + "\"");
        }
    }

    @Test
    void rotatingThePasswordOfARoleThatDoesNotExistIsRefused(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> DatabaseRoles.changePassword(c, uniqueLogin(), "pw-" + UUID.randomUUID()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not exist");
        }
    }

    private static String uniqueLogin() {
        return "gongkai_app_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** Makes the server log every statement of this session, and logs a marker that tells when the log has it. */
    private static String loggingEveryStatement(Connection c) throws SQLException {
        String marker = "log-marker-" + UUID.randomUUID();
        try (Statement st = c.createStatement()) {
            st.execute("set log_statement = 'all'");
            st.execute("select '" + marker + "'");
        }
        return marker;
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                var rs = st.executeQuery("select current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The server's own log, read through the server as superuser: the collector's file where the collector runs,
     * else the file the server's standard error goes to (Debian's clusters, the Citus nodes of infra/citus).
     */
    private record ServerLog(TestDatabase db, String file) {

        static ServerLog of(TestDatabase db) {
            return new ServerLog(
                    db,
                    db.dsl()
                            .fetchOne("select coalesce(pg_current_logfile(), '/proc/self/fd/2')")
                            .get(0, String.class));
        }

        long size() {
            return db.dsl().fetchOne("select (pg_stat_file(?)).size", file).get(0, Long.class);
        }

        /** What the server wrote since {@code from}, once it holds {@code marker} (the server writes asynchronously). */
        String waitFor(long from, String marker) throws InterruptedException {
            String written = "";
            for (int i = 0; i < 50 && !written.contains(marker); i++) {
                Thread.sleep(i == 0 ? 0 : 100);
                written = db.dsl()
                        .fetchOne(
                                "select pg_read_file(?, ?, greatest((pg_stat_file(?)).size - ?, 0))",
                                file,
                                from,
                                file,
                                from)
                        .get(0, String.class);
            }
            assertThat(written)
                    .as("the server log " + file + " since offset " + from)
                    .contains(marker);
            return written;
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
