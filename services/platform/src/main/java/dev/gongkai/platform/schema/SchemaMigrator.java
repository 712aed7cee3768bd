package dev.gongkai.platform.schema;

import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.platform.agency.AgencySlug;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies our Liquibase changelogs: {@value #CORE_CHANGELOG} to schema {@code core}, {@value #TENANT_CHANGELOG} to
 * each agency schema.
 * <p>
 * Always on a dedicated, unpooled connection (Liquibase may change session state such as the search path, which
 * must never leak into the application's pool), and one schema at a time in the whole JVM: parallel Liquibase runs
 * in one JVM share singletons and have lost locks and skipped tenants (liquibase#7956).
 * <p>
 * An agency schema whose {@code databasechangelog} already lists every change set of the tenant changelog with the
 * same checksum is up to date; that check is one query, so migrating thousands of up-to-date schemas costs
 * milliseconds each instead of a full Liquibase run each. A brand-new schema gets the SQL that Liquibase itself
 * generated once for a fresh schema (its update-sql output for a placeholder schema name, history rows included), run
 * as one script in one transaction: the same statements as a Liquibase run, in a fraction of the time. Anything in
 * between (a schema some change sets behind) goes through a real Liquibase update.
 */
public class SchemaMigrator implements AutoCloseable {

    public static final String CORE_SCHEMA = "core";
    public static final String CORE_CHANGELOG = "db/core/changelog.yaml";
    public static final String TENANT_CHANGELOG = "db/tenant/changelog.yaml";

    private static final Object ONE_AT_A_TIME = new Object();
    /** Stands for the schema name in the cached fresh-schema script; a valid schema name no slug can produce. */
    private static final String PLACEHOLDER = "agency_gongkai_script_template";

    private final ConnectionFactory connections;
    private final ResourceAccessor resources = new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader());
    private volatile Set<String> tenantChangeSets;
    private volatile String freshSchemaScript;
    /** Guarded by ONE_AT_A_TIME; opening a PostgreSQL connection costs more than migrating an up-to-date schema. */
    private Connection connection;

    public SchemaMigrator(ConnectionFactory connections) {
        this.connections = connections;
    }

    /** Opens a new physical connection that the migrator closes itself. */
    @FunctionalInterface
    public interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    public void migrateCore() {
        synchronized (ONE_AT_A_TIME) {
            try {
                Connection c = connection();
                createSchema(c, CORE_SCHEMA);
                update(c, CORE_SCHEMA, CORE_CHANGELOG);
            } catch (Exception e) {
                throw new IllegalStateException("Migrating schema core failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Makes the application's login role a member of {@link DatabaseRoles#DML} unless it is one (see
     * {@link DatabaseRoles#ensureLogin}); after {@link #migrateCore}, which makes that role.
     */
    public void ensureApplicationLogin(String login, String password) {
        synchronized (ONE_AT_A_TIME) {
            try {
                DatabaseRoles.ensureLogin(connection(), login, password);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Cannot make the database login role " + login + " (the owner needs"
                                + " CREATEROLE, or the administrator makes it a member of " + DatabaseRoles.DML
                                + " beforehand): " + e.getMessage(),
                        e);
            }
        }
    }

    /** Rotates the login role's password (see {@link DatabaseRoles#changePassword}). */
    public void changeApplicationPassword(String login, String password) {
        synchronized (ONE_AT_A_TIME) {
            try {
                DatabaseRoles.changePassword(connection(), login, password);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Cannot change the password of database role " + login + " (the owner needs CREATEROLE): "
                                + e.getMessage(),
                        e);
            }
        }
    }

    /** Creates the agency's schema if missing; true if it was created now. */
    public boolean createAgencySchema(AgencySlug agency) {
        synchronized (ONE_AT_A_TIME) {
            try {
                Connection c = connection();
                boolean existed = schemaExists(c, agency.schemaName());
                createSchema(c, agency.schemaName());
                if (!existed && citusInstalled(c)) {
                    distribute(c, agency.schemaName());
                }
                return !existed;
            } catch (SQLException e) {
                throw new IllegalStateException("Creating schema " + agency.schemaName() + " failed", e);
            }
        }
    }

    public boolean schemaExists(AgencySlug agency) {
        synchronized (ONE_AT_A_TIME) {
            try {
                return schemaExists(connection(), agency.schemaName());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The change sets of this build's tenant changelog, each as {@link #changeSetKey}: what an agency schema's
     * {@code databasechangelog} lists when it is up to date. Backups compare it with the state they were taken at.
     */
    public Set<String> tenantChangelog() {
        Set<String> known = tenantChangeSets;
        if (known != null) {
            return known;
        }
        synchronized (ONE_AT_A_TIME) {
            try {
                return Set.copyOf(tenantChangeSets(connection()));
            } catch (Exception e) {
                throw new IllegalStateException("Reading the tenant changelog failed: " + e.getMessage(), e);
            }
        }
    }

    /** One change set as a {@code databasechangelog} row names it (id, author, file name, checksum). */
    public static String changeSetKey(String id, String author, String filename, String md5sum) {
        return key(id, author, filename, md5sum);
    }

    public MigrationResult migrateAgency(AgencySlug agency) {
        MigrationResult[] result = new MigrationResult[1];
        migrateAgencies(List.of(agency), r -> result[0] = r);
        return result[0];
    }

    /** Migrates the schemas one after another on one connection, reporting each result as it is known. */
    public void migrateAgencies(List<AgencySlug> agencies, Consumer<MigrationResult> results) {
        synchronized (ONE_AT_A_TIME) {
            try {
                Connection c = connection();
                for (AgencySlug agency : agencies) {
                    results.accept(migrate(c, agency));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect for tenant migrations: " + e.getMessage(), e);
            }
        }
    }

    private MigrationResult migrate(Connection c, AgencySlug agency) {
        String schema = agency.schemaName();
        long start = System.nanoTime();
        try {
            if (!schemaExists(c, schema)) {
                return new MigrationResult(
                        agency,
                        schema,
                        MigrationOutcome.FAILED,
                        0,
                        millisSince(start),
                        "schema " + schema + " does not exist");
            }
            int missing = missingChangeSets(c, schema);
            if (missing == 0) {
                return new MigrationResult(agency, schema, MigrationOutcome.UP_TO_DATE, 0, millisSince(start), null);
            }
            if (missing == tenantChangeSets(c).size() && !historyExists(c, schema)) {
                runFreshSchemaScript(c, schema);
            } else {
                update(c, schema, TENANT_CHANGELOG);
            }
            int stillMissing = missingChangeSets(c, schema);
            if (stillMissing != 0) {
                return new MigrationResult(
                        agency,
                        schema,
                        MigrationOutcome.FAILED,
                        missing - stillMissing,
                        millisSince(start),
                        stillMissing + " change sets not applied");
            }
            return new MigrationResult(agency, schema, MigrationOutcome.MIGRATED, missing, millisSince(start), null);
        } catch (Exception e) {
            return new MigrationResult(
                    agency, schema, MigrationOutcome.FAILED, 0, millisSince(start), String.valueOf(e.getMessage()));
        }
    }

    /** How many change sets of the tenant changelog the schema's history lacks (or records with another checksum). */
    private int missingChangeSets(Connection c, String schema) throws Exception {
        Set<String> expected = tenantChangeSets(c);
        if (!historyExists(c, schema)) {
            return expected.size();
        }
        Set<String> applied = new HashSet<>();
        // The schema name is a validated slug's schema name: letters, digits and underscores only.
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "select id, author, filename, md5sum from \"" + schema + "\".databasechangelog")) {
            while (rs.next()) {
                applied.add(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return (int) expected.stream().filter(k -> !applied.contains(k)).count();
    }

    private Set<String> tenantChangeSets(Connection c) throws Exception {
        Set<String> result = tenantChangeSets;
        if (result == null) {
            Database database = database(c, "public");
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
                    .getParser(TENANT_CHANGELOG, resources)
                    .parse(TENANT_CHANGELOG, new ChangeLogParameters(database), resources);
            result = new HashSet<>();
            for (ChangeSet cs : changeLog.getChangeSets()) {
                result.add(key(
                        cs.getId(),
                        cs.getAuthor(),
                        cs.getFilePath(),
                        cs.generateCheckSum(ChecksumVersion.latest()).toString()));
            }
            tenantChangeSets = Set.copyOf(result);
        }
        return result;
    }

    private static boolean historyExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, '"' + schema + "\".databasechangelog");
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void runFreshSchemaScript(Connection c, String schema) throws Exception {
        String script = freshSchemaScript(c).replace(PLACEHOLDER, schema);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // Change sets with plain SQL name their tables unqualified, as Liquibase runs them with the schema
            // first in the search path; SET LOCAL ends with this transaction, on this dedicated connection.
            st.execute("set local search_path to \"" + schema + "\"");
            st.execute(script);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Liquibase's own SQL for a fresh schema (update-sql against a schema that does not exist), made once. */
    private String freshSchemaScript(Connection c) throws Exception {
        String script = freshSchemaScript;
        if (script == null) {
            Database database = database(c, PLACEHOLDER);
            StringWriter sql = new StringWriter();
            Liquibase liquibase = new Liquibase(TENANT_CHANGELOG, resources, database);
            Scope.child(
                    Scope.Attr.ui,
                    new LoggerUIService(),
                    () -> liquibase.update(new Contexts(), new LabelExpression(), sql));
            resetLiquibaseCaches();
            script = sql.toString();
            freshSchemaScript = script;
        }
        return script;
    }

    private static void resetLiquibaseCaches() {
        LockServiceFactory.getInstance().resetAll();
        Scope.getCurrentScope()
                .getSingleton(ChangeLogHistoryServiceFactory.class)
                .resetAll();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed() || !connection.isValid(5)) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it was broken anyway
                }
            }
            connection = connections.open();
            try (Statement st = connection.createStatement()) {
                // A lost migration commit after a crash is harmless: each migration is one transaction and is
                // simply applied again by the next run, so don't wait for the WAL flush of every schema.
                st.execute("set synchronous_commit = off");
            }
        }
        // Liquibase switches its connection to manual commit; everything here expects each statement committed.
        connection.setAutoCommit(true);
        return connection;
    }

    @Override
    public void close() throws SQLException {
        synchronized (ONE_AT_A_TIME) {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        }
    }

    private static String key(String id, String author, String file, String checksum) {
        return id + "::" + author + "::" + file + "::" + checksum;
    }

    private void update(Connection c, String schema, String changelog) throws Exception {
        Database database = database(c, schema);
        try {
            Liquibase liquibase = new Liquibase(changelog, resources, database);
            // Per-schema summaries on the console would drown migrate-all's own one line per schema.
            liquibase.setShowSummary(UpdateSummaryEnum.OFF);
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            Scope.child(
                    Scope.Attr.ui,
                    new LoggerUIService(),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
        } finally {
            // Liquibase caches lock and history services per database object; forget them so the next schema
            // starts clean. (Closing the Liquibase object would close our connection.)
            resetLiquibaseCaches();
            // Liquibase leaves the connection in manual commit: back to auto-commit (which commits), or the next
            // query opens a transaction that holds its locks on this schema until the next migration.
            c.setAutoCommit(true);
        }
    }

    private static Database database(Connection c, String schema) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        return database;
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_catalog.pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * On a Citus cluster an agency's schema is a distributed schema: every table created in it afterwards belongs
     * to one co-located shard group that Citus places on a worker and can move as a whole
     * ({@code citus_schema_move}). {@code core} is left a regular schema on the coordinator, so the statements
     * and transactions that join or write both stay on the coordinator's planner (docs/scale-out.md).
     */
    private static void distribute(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select citus_schema_distribute(?::regnamespace)")) {
            ps.setString(1, '"' + schema + '"');
            ps.execute();
        }
    }

    private static boolean citusInstalled(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select exists (select 1 from pg_extension where extname = 'citus')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void createSchema(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create schema if not exists \"" + schema + "\"");
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
