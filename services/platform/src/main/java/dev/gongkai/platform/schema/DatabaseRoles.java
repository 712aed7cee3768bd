package dev.gongkai.platform.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * The database roles (services/platform/README.md, "Database roles"): the owner, who runs the migrations and owns
 * every schema, and the application's login role, a member of {@value #DML} that reports and publishing connect as.
 * {@value #DML} itself and its grants are made by the migrations ({@code core-6-app-role},
 * {@code reports-10-app-grants}); this makes the login role, once, on the owner's connection.
 */
public final class DatabaseRoles {

    /** The privilege role the migrations grant DML to; it cannot log in. */
    public static final String DML = "gongkai_dml";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseRoles() {}

    /**
     * Makes {@code login} a role that can log in with {@code password} and is a member of {@value #DML}, unless it
     * already is: an existing role keeps its password (rotating it is the database administrator's). Roles are
     * cluster-wide, so another database migrated at the same moment may make it first; that is no error. Needs
     * CREATEROLE only when something is missing, so a login role the administrator made beforehand needs nothing.
     */
    public static void ensureLogin(Connection owner, String login, String password) throws SQLException {
        if (!ROLE_NAME.matcher(login).matches()) {
            throw new IllegalArgumentException(
                    "Unusual database role name " + login + ": lower-case letters, digits and underscores only");
        }
        if (!exists(owner, login)) {
            ignoringConcurrentCreation(
                    owner, "create role \"" + login + "\" login password '" + password.replace("'", "''") + "'");
        }
        if (!member(owner, login)) {
            ignoringConcurrentCreation(owner, "grant " + DML + " to \"" + login + "\"");
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_catalog.pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean member(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_catalog.pg_has_role(?, ?, 'member')")) {
            ps.setString(1, role);
            ps.setString(2, DML);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void ignoringConcurrentCreation(Connection c, String sql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
