package dev.gongkai.platform.testing;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.schema.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL database for one test run: on the PostgreSQL at 127.0.0.1:5432 (trust auth) when it answers,
 * else on an embedded PostgreSQL started for the run. The database has a unique name, has schema {@code core}
 * migrated, and is dropped when the run ends, so no test depends on what an earlier run left behind.
 */
public final class TestDatabase implements AutoCloseable {

    private static TestDatabase shared;

    /** The services' development defaults (trust auth ignores the password). */
    private static final String APP_USER = "gongkai_app";

    private static final String APP_PASSWORD = "demo-only-gongkai-app";

    private final EmbeddedPostgres embedded;
    private final CitusCluster citus;
    private final String serverUrl;
    private final String name;
    private final PGSimpleDataSource dataSource;
    private final SchemaMigrator migrator;
    private boolean dropped;

    private TestDatabase(EmbeddedPostgres embedded, CitusCluster citus, String serverUrl, String name) {
        this.embedded = embedded;
        this.citus = citus;
        this.serverUrl = serverUrl;
        this.name = name;
        this.dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser(user());
        this.migrator = new SchemaMigrator(() -> DriverManager.getConnection(jdbcUrl(), user(), ""));
    }

    /** The database of this test run, created (and its {@code core} schema migrated) on first use. */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = migrated(create(CitusCluster.fromEnvironment()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "drop-test-database"));
        }
        return shared;
    }

    /**
     * A further database of its own on the same server (unique name, {@code core} migrated), for tests that move
     * data between two databases; close it to drop it.
     */
    public static TestDatabase another() {
        return migrated(create(CitusCluster.fromEnvironment()));
    }

    /**
     * A database of its own on the Citus cluster whose coordinator listens on {@code coordinatorPort}, whatever this
     * run was asked to use: for benchmarks that measure plain PostgreSQL and Citus in one run. Close it to drop it.
     */
    public static TestDatabase onCitusCluster(int coordinatorPort) {
        return migrated(create(CitusCluster.at(coordinatorPort)));
    }

    /** A database of its own on plain PostgreSQL, whatever this run was asked to use. Close it to drop it. */
    public static TestDatabase onPlainPostgres() {
        return migrated(create(null));
    }

    private static TestDatabase migrated(TestDatabase database) {
        database.migrator.migrateCore();
        // Cluster-wide: every run on this server shares the login role; each database has its own grants.
        database.migrator.ensureApplicationLogin(APP_USER, APP_PASSWORD);
        return database;
    }

    private static TestDatabase create(CitusCluster citus) {
        String name = "gongkai_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        if (citus != null) {
            citus.createDatabase(name);
            return new TestDatabase(null, citus, citus.serverUrl(), name);
        }
        EmbeddedPostgres embedded = null;
        String server;
        if (Reachability.reachable("127.0.0.1", 5432)) {
            server = "jdbc:postgresql://127.0.0.1:5432/";
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "No PostgreSQL on 127.0.0.1:5432 and the embedded one did not start", e);
            }
            server = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/";
        }
        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new TestDatabase(embedded, null, server, name);
    }

    /** Whether this run's agency schemas are distributed schemas of a Citus cluster. */
    public boolean onCitus() {
        return citus != null;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return serverUrl + name;
    }

    /** The owner of the schemas (and superuser), as the tenants service and the migrations connect. */
    public String user() {
        return "postgres";
    }

    /** The DML-only login role, as reports and publishing connect (their application.yaml's default). */
    public String appUser() {
        return APP_USER;
    }

    /** A connection as the owner. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** A connection as {@link #appUser()}. */
    public Connection connectAsApplication() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), APP_USER, APP_PASSWORD);
    }

    public SchemaMigrator migrator() {
        return migrator;
    }

    /** A jOOQ context on this database, outside any Spring context. */
    public DSLContext dsl() {
        return DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    /** The tenant model mapped to one agency's schema, as services' {@code AgencyDsl} does it. */
    public DSLContext dsl(AgencySlug agency) {
        return DSL.using(
                dataSource,
                SQLDialect.POSTGRES,
                new Settings()
                        .withRenderMapping(new RenderMapping()
                                .withSchemata(new MappedSchema()
                                        .withInput("agency_template")
                                        .withOutput(agency.schemaName()))));
    }

    /**
     * Points Spring Boot applications started by tests at this database, each with the role its own
     * application.yaml names: the owner for tenants ({@code GONGKAI_DB_USER}), the DML-only login role for reports
     * and publishing ({@code GONGKAI_DB_APP_USER}), as in production.
     */
    public void exportSpringProperties() {
        System.setProperty("GONGKAI_DB_URL", jdbcUrl());
        System.setProperty("GONGKAI_DB_USER", user());
        System.setProperty("GONGKAI_DB_PASSWORD", "");
        System.setProperty("GONGKAI_DB_APP_USER", APP_USER);
        System.setProperty("GONGKAI_DB_APP_PASSWORD", APP_PASSWORD);
    }

    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        try {
            migrator.close();
        } catch (SQLException ignored) {
            // the database is dropped with force anyway
        }
        if (citus != null) {
            citus.dropDatabase(name);
            return;
        }
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", "postgres", "")) {
            // FORCE: Spring contexts cached by the test framework may still hold pooled connections.
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("Could not stop embedded PostgreSQL: " + e.getMessage());
            }
        }
    }
}
