package dev.gongkai.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The Citus cluster of {@code infra/citus/citus start} (a coordinator and two workers on one machine), chosen for a
 * test run by {@code GONGKAI_TEST_CITUS_PORT} (the coordinator's port; the workers listen on the next two). The
 * same tests then run on distributed schemas: a test database exists on all three nodes with the extension, the
 * workers are registered in it, and the schema migrator makes every agency schema the tests provision a
 * distributed schema placed on a worker while {@code core} stays on the coordinator.
 */
final class CitusCluster {

    private static final String PORT_VARIABLE = "GONGKAI_TEST_CITUS_PORT";

    private final int coordinatorPort;

    private CitusCluster(int coordinatorPort) {
        this.coordinatorPort = coordinatorPort;
    }

    /** The cluster this run was asked to use, or null for plain PostgreSQL. */
    static CitusCluster fromEnvironment() {
        String port = System.getenv(PORT_VARIABLE);
        return port == null || port.isBlank() ? null : at(Integer.parseInt(port.strip()));
    }

    static CitusCluster at(int coordinatorPort) {
        return new CitusCluster(coordinatorPort);
    }

    String serverUrl() {
        return url(coordinatorPort);
    }

    private List<Integer> workerPorts() {
        return List.of(coordinatorPort + 1, coordinatorPort + 2);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/";
    }

    void createDatabase(String name) {
        try {
            for (int port : allPorts()) {
                execute(port, "postgres", "create database " + name);
                execute(port, name, "create extension citus");
            }
            // The audit trail's append-only trigger lives on a distributed schema's table (docs/scale-out.md).
            execute(coordinatorPort, name, "alter database " + name + " set citus.enable_unsafe_triggers = on");
            execute(coordinatorPort, name, "select citus_set_coordinator_host('127.0.0.1', " + coordinatorPort + ")");
            for (int worker : workerPorts()) {
                execute(coordinatorPort, name, "select citus_add_node('127.0.0.1', " + worker + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create test database " + name + " on the Citus cluster at port " + coordinatorPort
                            + " (infra/citus/citus start)",
                    e);
        }
    }

    void dropDatabase(String name) {
        for (int port : allPorts()) {
            try {
                execute(port, "postgres", "drop database if exists " + name + " with (force)");
            } catch (SQLException e) {
                System.err.println("Could not drop test database " + name + " on port " + port + ": " + e.getMessage());
            }
        }
    }

    private List<Integer> allPorts() {
        return List.of(coordinatorPort, coordinatorPort + 1, coordinatorPort + 2);
    }

    private static void execute(int port, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(port) + database, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
