package dev.gongkai.platform.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * The database roles (services/platform/README.md, "Database roles"): the owner, who runs the migrations and owns
 * every schema, and the application's login role, a member of {@value #DML} that reports and publishing connect as.
 * {@value #DML} itself and its grants are made by the migrations ({@code core-6-app-role},
 * {@code reports-10-app-grants}); this makes the login role, once, on the owner's connection, and changes its
 * password when the operator rotates it.
 * <p>
 * A password never travels in SQL text: a server that logs statements ({@code log_statement = ddl}) would write it
 * to its log. The role is made without one, and the password is set by the PostgreSQL driver, which hashes it on
 * this side and sends only the SCRAM-SHA-256 verifier ({@link PGConnection#alterUserPassword}).
 */
public final class DatabaseRoles {

    /** The privilege role the migrations grant DML to; it cannot log in. */
    public static final String DML = "gongkai_dml";

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_OBJECT = "42710";
    private static final String UNIQUE_VIOLATION = "23505";
    /** The verifier PostgreSQL checks logins against; md5 is deprecated and a 等保 review refuses it. */
    private static final String PASSWORD_ENCRYPTION = "scram-sha-256";

    private DatabaseRoles() {}

    /**
     * Makes {@code login} a role that can log in with {@code password} and is a member of {@value #DML}, unless it
     * already is: an existing role keeps its password (see {@link #changePassword}). Roles are cluster-wide, so
     * another database migrated at the same moment may make it first; that is no error, and the run that made it
     * sets the password. A blank password makes a role without one (the administrator sets it). Needs CREATEROLE
     * only when something is missing, so a login role the administrator made beforehand needs nothing.
     */
    public static void ensureLogin(Connection owner, String login, String password) throws SQLException {
        requireUsualName(login);
        if (!exists(owner, login) && ignoringConcurrentCreation(owner, "create role \"" + login + "\" login")) {
            if (!password.isBlank()) {
                setPassword(owner, login, password);
            }
        }
        if (!member(owner, login)) {
            ignoringConcurrentCreation(owner, "grant " + DML + " to \"" + login + "\"");
        }
    }

    /**
     * Replaces the password of the existing role {@code login}. Sessions already open stay open (PostgreSQL checks a
     * password only when a connection is made), so pools keep their connections until they are restarted with the
     * new one.
     */
    public static void changePassword(Connection owner, String login, String password) throws SQLException {
        requireUsualName(login);
        if (password.isBlank()) {
            throw new IllegalArgumentException("The new password of database role " + login + " is blank");
        }
        if (!exists(owner, login)) {
            throw new IllegalStateException("Database role " + login + " does not exist");
        }
        setPassword(owner, login, password);
    }

    private static void setPassword(Connection owner, String login, String password) throws SQLException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(true);
        try {
            owner.unwrap(PGConnection.class).alterUserPassword(login, password.toCharArray(), PASSWORD_ENCRYPTION);
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }

    private static void requireUsualName(String login) {
        if (!ROLE_NAME.matcher(login).matches()) {
            throw new IllegalArgumentException(
                    "Unusual database role name " + login + ": lower-case letters, digits and underscores only");
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

    /** Runs {@code sql}; false if another session made the same object first. */
    private static boolean ignoringConcurrentCreation(Connection c, String sql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            if (!DUPLICATE_OBJECT.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            return false;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
