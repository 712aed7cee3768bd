package dev.gongkai.tenants;

import dev.gongkai.platform.schema.SchemaMigrator;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The tenants service owns schema {@code core} and migrates it when it starts (agency schemas are migrated only
 * by {@code migrate-all}). On a fresh PostgreSQL the database itself is created first, and then the login role the
 * other services connect as ({@code gongkai.database.app-user}, a member of the DML role; blank: the administrator
 * made it), so {@code infra/dev/up} needs nothing but a running server.
 */
@Component
class CoreSchema implements InitializingBean {

    private static final String INVALID_CATALOG_NAME = "3D000";

    private final SchemaMigrator migrator;
    private final Environment env;

    CoreSchema(SchemaMigrator migrator, Environment env) {
        this.migrator = migrator;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        createDatabaseIfMissing();
        migrator.migrateCore();
        String login = env.getProperty("gongkai.database.app-user", "");
        if (!login.isBlank()) {
            migrator.ensureApplicationLogin(login, env.getProperty("gongkai.database.app-password", ""));
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        String url = env.getRequiredProperty("spring.datasource.url");
        String user = env.getProperty("spring.datasource.username", "postgres");
        String password = env.getProperty("spring.datasource.password", "");
        try (var ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                throw e;
            }
        }
        var parsed = java.util.regex.Pattern.compile("(jdbc:postgresql://[^/]+/)([a-z_][a-z0-9_]*)(\\?.*)?")
                .matcher(url);
        if (!parsed.matches()) {
            throw new IllegalStateException(
                    "Database in " + url + " does not exist and its name is unusual; create it");
        }
        try (var c = DriverManager.getConnection(parsed.group(1) + "postgres", user, password)) {
            c.createStatement().execute("create database " + parsed.group(2));
        }
    }
}
