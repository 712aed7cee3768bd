package dev.gongkai.platform.schema;

import dev.gongkai.platform.agency.AgencySlug;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.ChecksumVersion;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

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
 * milliseconds each instead of a full Liquibase run each.
 */
public class SchemaMigrator {

    public static final String CORE_SCHEMA = "core";
    public static final String CORE_CHANGELOG = "db/core/changelog.yaml";
    public static final String TENANT_CHANGELOG = "db/tenant/changelog.yaml";

    private static final Object ONE_AT_A_TIME = new Object();

    private final ConnectionFactory connections;
    private final ResourceAccessor resources = new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader());
    private volatile Set<String> tenantChangeSets;

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
            try (Connection c = connections.open()) {
                createSchema(c, CORE_SCHEMA);
                update(c, CORE_SCHEMA, CORE_CHANGELOG);
            } catch (Exception e) {
                throw new IllegalStateException("Migrating schema core failed: " + e.getMessage(), e);
            }
        }
    }

    /** Creates the agency's schema if missing; true if it was created now. */
    public boolean createAgencySchema(AgencySlug agency) {
        try (Connection c = connections.open()) {
            boolean existed = schemaExists(c, agency.schemaName());
            createSchema(c, agency.schemaName());
            return !existed;
        } catch (SQLException e) {
            throw new IllegalStateException("Creating schema " + agency.schemaName() + " failed", e);
        }
    }

    public boolean schemaExists(AgencySlug agency) {
        try (Connection c = connections.open()) {
            return schemaExists(c, agency.schemaName());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public MigrationResult migrateAgency(AgencySlug agency) {
        MigrationResult[] result = new MigrationResult[1];
        migrateAgencies(List.of(agency), r -> result[0] = r);
        return result[0];
    }

    /** Migrates the schemas one after another on one connection, reporting each result as it is known. */
    public void migrateAgencies(List<AgencySlug> agencies, Consumer<MigrationResult> results) {
        synchronized (ONE_AT_A_TIME) {
            try (Connection c = connections.open()) {
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
                return new MigrationResult(agency, schema, MigrationResult.Outcome.FAILED, 0, millisSince(start),
                        "schema " + schema + " does not exist");
            }
            int missing = missingChangeSets(c, schema);
            if (missing == 0) {
                return new MigrationResult(agency, schema, MigrationResult.Outcome.UP_TO_DATE, 0,
                        millisSince(start), null);
            }
            update(c, schema, TENANT_CHANGELOG);
            int stillMissing = missingChangeSets(c, schema);
            if (stillMissing != 0) {
                return new MigrationResult(agency, schema, MigrationResult.Outcome.FAILED, missing - stillMissing,
                        millisSince(start), stillMissing + " change sets not applied");
            }
            return new MigrationResult(agency, schema, MigrationResult.Outcome.MIGRATED, missing, millisSince(start),
                    null);
        } catch (Exception e) {
            return new MigrationResult(agency, schema, MigrationResult.Outcome.FAILED, 0, millisSince(start),
                    String.valueOf(e.getMessage()));
        }
    }

    /** How many change sets of the tenant changelog the schema's history lacks (or records with another checksum). */
    private int missingChangeSets(Connection c, String schema) throws Exception {
        Set<String> expected = tenantChangeSets(c);
        try (PreparedStatement exists = c.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, '"' + schema + "\".databasechangelog");
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return expected.size();
                }
            }
        }
        Set<String> applied = new HashSet<>();
        // The schema name is a validated slug's schema name: letters, digits and underscores only.
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select id, author, filename, md5sum from \"" + schema
                     + "\".databasechangelog")) {
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
            DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance().getParser(TENANT_CHANGELOG, resources)
                    .parse(TENANT_CHANGELOG, new ChangeLogParameters(database), resources);
            result = new HashSet<>();
            for (ChangeSet cs : changeLog.getChangeSets()) {
                result.add(key(cs.getId(), cs.getAuthor(), cs.getFilePath(),
                        cs.generateCheckSum(ChecksumVersion.latest()).toString()));
            }
            tenantChangeSets = Set.copyOf(result);
        }
        return result;
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
            Scope.child(Scope.Attr.ui, new LoggerUIService(),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
        } finally {
            // Liquibase caches lock and history services per database object; forget them so the next schema
            // starts clean. (Closing the Liquibase object would close our connection.)
            LockServiceFactory.getInstance().resetAll();
            Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        }
    }

    private static Database database(Connection c, String schema) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        return database;
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select 1 from pg_catalog.pg_namespace where nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
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
