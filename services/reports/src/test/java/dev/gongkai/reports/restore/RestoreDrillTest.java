package dev.gongkai.reports.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.contract.AuditVerification;
import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.platform.tenancy.Actor;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.reports.audit.AuditTrail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restore drill (docs/restore-drill.md): a database holding agencies with reports, revisions and audit trails
 * is dumped whole ({@code pg_dump -Fc}), restored into a new empty database ({@code pg_restore}), migrated as
 * {@code migrate-all} does ({@code core}, then every agency schema), and checked: every agency schema present, the
 * same reports, revisions and audit entries, every audit chain verified by the reports service's own verifier against
 * its checkpoint, and the application role's grants in place. Here and not in tenants because the audit verifier
 * belongs to reports; the migrations are platform's {@link SchemaMigrator}, which tenants' migrate-all runs.
 * Skipped only where the PostgreSQL client programs are missing.
 */
class RestoreDrillTest {

    private static final String CHECKPOINT_KEY = "restore-drill-checkpoint-key";
    private static final List<String> COUNTED = List.of("report", "report_revision", "audit_entry");

    private final AuditTrail audit = new AuditTrail(JsonMapper.builder().build(), CHECKPOINT_KEY, 1);

    @TempDir
    Path dir;

    @BeforeAll
    static void postgresClientProgramsArePresent() {
        assumeTrue(runs("pg_dump", "--version") && runs("pg_restore", "--version"), "pg_dump/pg_restore not found");
    }

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseHasEveryAgencyReportAuditChainAndGrant() throws Exception {
        try (TestDatabase source = TestDatabase.onPlainPostgres()) {
            List<AgencySlug> agencies = agenciesWithReports(source, 3);
            Path dump = dir.resolve("gongkai.dump");

            long started = System.nanoTime();
            run("pg_dump", "-Fc", "--dbname=" + libpq(source.jdbcUrl()), "--file=" + dump);
            long dumped = System.nanoTime();
            String restored = restoreIntoNewDatabase(source, dump, List.of());
            try {
                long restoredAt = System.nanoTime();
                List<MigrationResult> migrations = migrateAll(source, restored);
                long migrated = System.nanoTime();

                assertThat(drill(source, restored, agencies)).isEmpty();
                assertThat(migrations)
                        .hasSize(agencies.size())
                        .allSatisfy(r -> assertThat(r.outcome()).isNotEqualTo(MigrationOutcome.FAILED));
                System.out.printf(
                        "restore drill: %d agencies, dump %d bytes; pg_dump %d ms, pg_restore %d ms,"
                                + " migrate-all %d ms, checks %d ms%n",
                        agencies.size(),
                        Files.size(dump),
                        millis(started, dumped),
                        millis(dumped, restoredAt),
                        millis(restoredAt, migrated),
                        millis(migrated, System.nanoTime()));
            } finally {
                drop(source, restored);
            }
        }
    }

    @Test
    void theDrillNoticesARestoreThatLostTheGrantsOrAnAuditEntry() throws Exception {
        try (TestDatabase source = TestDatabase.onPlainPostgres()) {
            List<AgencySlug> agencies = agenciesWithReports(source, 1);
            Path dump = dir.resolve("gongkai.dump");
            run("pg_dump", "-Fc", "--dbname=" + libpq(source.jdbcUrl()), "--file=" + dump);
            // A restore without privileges (pg_restore -x), as an operator restoring to other role names might do.
            String restored = restoreIntoNewDatabase(source, dump, List.of("--no-privileges"));
            try {
                migrateAll(source, restored);
                String schema = agencies.getFirst().schemaName();
                try (Connection c = DriverManager.getConnection(serverUrl(source) + restored, "postgres", "")) {
                    c.createStatement().execute("set session_replication_role = replica");
                    c.createStatement()
                            .execute("delete from \"" + schema + "\".audit_entry where id = (select max(id) from \""
                                    + schema + "\".audit_entry)");
                }

                assertThat(drill(source, restored, agencies))
                        .anyMatch(p -> p.startsWith(schema + ".audit_entry: 5 rows in the source, 4 restored"))
                        .anyMatch(p -> p.startsWith(schema + " audit trail: "))
                        .anyMatch(p -> p.startsWith(schema + ".report: gongkai_app may not"));
            } finally {
                drop(source, restored);
            }
        }
    }

    /** What the restored database lacks against the source, one sentence each; empty when the drill passes. */
    private List<String> drill(TestDatabase source, String restored, List<AgencySlug> agencies) throws SQLException {
        List<String> problems = new ArrayList<>();
        DSLContext from = source.dsl();
        try (Connection c = DriverManager.getConnection(serverUrl(source) + restored, "postgres", "")) {
            DSLContext to = DSL.using(c, SQLDialect.POSTGRES);
            AgencyDsl restoredAgencies = new AgencyDsl(to);
            List<String> expected = agencySchemas(from);
            List<String> present = agencySchemas(to);
            if (!present.equals(expected)) {
                problems.add("agency schemas: " + expected + " in the source, " + present + " restored");
            }
            for (AgencySlug agency : agencies) {
                String schema = agency.schemaName();
                for (String table : COUNTED) {
                    long before = count(from, schema, table);
                    long after = count(to, schema, table);
                    if (before != after) {
                        problems.add(
                                schema + "." + table + ": " + before + " rows in the source, " + after + " restored");
                    }
                }
                AuditVerification verified = audit.verify(restoredAgencies.of(agency), agency);
                if (!verified.intact()) {
                    problems.add(schema + " audit trail: " + verified.messageEn());
                }
            }
            privilegesMissing(to, source.appUser(), expected, problems);
        }
        return problems;
    }

    /** The application role may read and write every table of core and each agency schema, append to the trail. */
    private static void privilegesMissing(DSLContext db, String login, List<String> schemas, List<String> problems) {
        List<String> all = new ArrayList<>(schemas);
        all.add("core");
        for (String schema : all) {
            for (String table : db.fetch(
                            "select c.relname from pg_class c where c.relnamespace = ?::regnamespace"
                                    + " and c.relkind in ('r', 'p') and c.relname not like 'databasechangelog%'",
                            '"' + schema + '"')
                    .getValues(0, String.class)) {
                String privileges = table.equals("audit_entry") ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
                if (!Boolean.TRUE.equals(db.fetchOne(
                                "select has_table_privilege(?, ?, ?)",
                                login,
                                '"' + schema + "\".\"" + table + '"',
                                privileges)
                        .get(0, Boolean.class))) {
                    problems.add(schema + "." + table + ": " + login + " may not " + privileges);
                }
            }
        }
    }

    /** Agencies as the reports service leaves them: reports with revisions, each change on the audit trail. */
    private List<AgencySlug> agenciesWithReports(TestDatabase db, int count) {
        List<AgencySlug> agencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AgencySlug agency = AgencySlug.of(
                    "drill-" + i + "-" + UUID.randomUUID().toString().substring(0, 6));
            ManagedAgency.create(
                    db,
                    agency,
                    "演练机构 " + i,
                    AgencyKind.DEPARTMENT,
                    new JurisdictionSlug("drill-city"),
                    AgencyStatus.ACTIVE);
            // As provisioning records it: what migrate-all walks.
            db.dsl()
                    .execute(
                            "insert into core.provisioning_step (agency_slug, step) values (?, 'CREATE_SCHEMA')",
                            agency.value());
            Actor editor = new Actor("editor-" + agency.value(), "填报人员", agency.value());
            db.dsl(agency).transaction(tx -> {
                DSLContext dsl = tx.dsl();
                String schema = agency.schemaName();
                for (int year : List.of(2024, 2025)) {
                    dsl.execute(
                            "insert into \"" + schema + "\".report (year, format, revision, document) values (?,"
                                    + " 'gov-2021', 2, ?::jsonb)",
                            year,
                            "{\"cells\": {\"s3.received.total\": " + year + "}}");
                    audit.append(dsl, agency, editor, "report.create", "report:" + year, null, Map.of("year", year));
                    for (int revision = 1; revision <= 2; revision++) {
                        dsl.execute(
                                "insert into \"" + schema + "\".report_revision (year, revision, document, author)"
                                        + " values (?, ?, ?::jsonb, ?)",
                                year,
                                revision,
                                "{\"cells\": {\"s3.received.total\": " + revision + "}}",
                                editor.username());
                        if (year == 2024 || revision == 1) {
                            audit.append(
                                    dsl,
                                    agency,
                                    editor,
                                    "report.edit",
                                    "report:" + year,
                                    Map.of("cells", Map.of("s3.received.total", revision - 1)),
                                    Map.of("cells", Map.of("s3.received.total", revision)));
                        }
                    }
                }
            });
            agencies.add(agency);
        }
        return agencies;
    }

    private static String restoreIntoNewDatabase(TestDatabase source, Path dump, List<String> options)
            throws Exception {
        String name = source.name() + "_restored";
        try (Connection admin = DriverManager.getConnection(serverUrl(source) + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + name);
        }
        List<String> command = new ArrayList<>(
                List.of("pg_restore", "--exit-on-error", "--dbname=" + libpq(serverUrl(source) + name)));
        command.addAll(options);
        command.add(dump.toString());
        run(command.toArray(String[]::new));
        return name;
    }

    /** As {@code migrate-all} after a restore: core first, then every agency schema, one after another. */
    private static List<MigrationResult> migrateAll(TestDatabase source, String restored) throws SQLException {
        String url = serverUrl(source) + restored;
        List<MigrationResult> results = new ArrayList<>();
        try (SchemaMigrator migrator = new SchemaMigrator(() -> DriverManager.getConnection(url, "postgres", ""))) {
            migrator.migrateCore();
            List<AgencySlug> agencies;
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                agencies = DSL
                        .using(c, SQLDialect.POSTGRES)
                        .fetch("select agency_slug from core.provisioning_step where step = 'CREATE_SCHEMA'"
                                + " order by agency_slug")
                        .getValues(0, String.class)
                        .stream()
                        .map(AgencySlug::of)
                        .toList();
            }
            migrator.migrateAgencies(agencies, results::add);
        }
        return results;
    }

    private static void drop(TestDatabase source, String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl(source) + "postgres", "postgres", "")) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }

    private static List<String> agencySchemas(DSLContext db) {
        return db.fetch("select nspname from pg_namespace where nspname like 'agency\\_%' order by nspname")
                .getValues(0, String.class);
    }

    private static long count(DSLContext db, String schema, String table) {
        return db.fetchOne("select count(*) from \"" + schema + "\".\"" + table + "\"")
                .get(0, Long.class);
    }

    private static String serverUrl(TestDatabase db) {
        return db.jdbcUrl().substring(0, db.jdbcUrl().length() - db.name().length());
    }

    /** The libpq form of a {@code jdbc:postgresql://host:port/db} URL, as the owner ({@code postgres}). */
    private static String libpq(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://postgres@");
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    private static boolean runs(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
