package dev.gongkai.tenants.backup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The file one agency is exported to: a zip with {@value #MANIFEST} and one CSV per table (PostgreSQL's
 * {@code COPY … (FORMAT csv, HEADER)}, UTF-8), {@code agency/<table>.csv} for the agency schema and
 * {@code core/<table>.csv} for its rows in the shared registry. CSV is PostgreSQL's portable text format: it loads
 * into another server version and stays readable with any tool.
 * <p>
 * Rows are written in primary-key order under fixed session settings ({@link #portableSession}), so the same data
 * gives the same bytes: the SHA-256 of each file in the manifest is checked when the file is read back, and a
 * restored table is exported again and must give the same checksum.
 * <p>
 * {@value #MAC} holds the HMAC-SHA256 of the manifest's bytes under the platform's backup key
 * ({@code gongkai.backup.mac-key}): the manifest names every file's checksum, so the MAC authenticates the whole
 * archive, and a restore refuses any archive this platform (or one sharing its key) did not write.
 */
public final class AgencyArchive {

    static final String FORMAT = "gongkai-agency-export";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String MAC = "manifest.mac";

    /**
     * The only core tables an archive carries, in insertion order, each with the column that ties a row to the
     * agency ({@code jurisdiction} rows are the agency's jurisdiction chain instead). Shared state such as the outbox
     * or another agency's rows never travels in an archive, whatever a file says.
     */
    static final Map<String, String> REGISTRY_TABLES = registryTables();

    private static Map<String, String> registryTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("jurisdiction", "slug");
        tables.put("agency", "slug");
        // Who holds which role in the agency: without it a restored agency has no one who may act for it.
        tables.put("agency_membership", "agency_slug");
        tables.put("provisioning_step", "agency_slug");
        tables.put("report_state", "agency_slug");
        tables.put("publication", "agency_slug");
        tables.put("notification", "agency_slug");
        tables.put("audit_checkpoint", "agency_slug");
        return java.util.Collections.unmodifiableMap(tables);
    }

    private AgencyArchive() {}

    /**
     * @param changelog the {@code databasechangelog} rows of the agency schema: the changelog state it was at
     * @param tables    the agency schema's tables, parents before the tables that reference them
     * @param registry  the agency's rows in schema core: its jurisdiction chain (top first), its agency row, then
     *                  the rows of core tables that reference the agency (identity columns left out)
     */
    public record Manifest(
            String format,
            int version,
            String agency,
            String schema,
            String exportedAt,
            String sourceServer,
            List<ChangeSet> changelog,
            List<TableFile> tables,
            List<TableFile> registry,
            List<SequenceValue> sequences) {}

    public record ChangeSet(String id, String author, String filename, String md5sum) {}

    public record TableFile(String table, String file, List<String> columns, long rows, String sha256) {}

    /** An identity column's sequence as it was, so ids handed out after a restore never repeat old ones. */
    public record SequenceValue(String table, String column, long lastValue) {}

    /**
     * Session settings that fix how values are written as text (time zone, date and interval styles, float digits,
     * bytea), local to the current transaction so pooled connections keep theirs.
     */
    static void portableSession(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("set local time zone 'UTC'");
            st.execute("set local datestyle = 'ISO, YMD'");
            st.execute("set local intervalstyle = 'iso_8601'");
            st.execute("set local extra_float_digits = 3");
            st.execute("set local bytea_output = 'hex'");
        }
    }

    /** The archive's MAC: HMAC-SHA256 of the manifest's exact bytes, hex. */
    static String mac(byte[] key, byte[] manifest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(manifest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] key(String configured) {
        if (configured == null || configured.length() < 16) {
            throw new IllegalStateException("gongkai.backup.mac-key must have at least 16 characters");
        }
        return configured.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(AgencyArchive::quote).toList());
    }
}
