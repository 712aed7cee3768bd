package dev.gongkai.tenants.backup;

import static dev.gongkai.tenants.backup.AgencyArchive.columnList;
import static dev.gongkai.tenants.backup.AgencyArchive.literal;
import static dev.gongkai.tenants.backup.AgencyArchive.quote;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.tenants.backup.AgencyArchive.ChangeSet;
import dev.gongkai.tenants.backup.AgencyArchive.Manifest;
import dev.gongkai.tenants.backup.AgencyArchive.SequenceValue;
import dev.gongkai.tenants.backup.AgencyArchive.TableFile;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one agency to an {@link AgencyArchive}: every table of its schema and its registry rows, read in one
 * repeatable-read transaction so the file is one consistent moment even while the agency keeps working.
 */
final class AgencyExporter {

    private final JsonMapper json;
    private final byte[] macKey;

    AgencyExporter(JsonMapper json, byte[] macKey) {
        this.json = json;
        this.macKey = macKey;
    }

    Manifest export(Connection c, AgencySlug agency, OutputStream target) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (ZipOutputStream zip = new ZipOutputStream(new NoClose(target))) {
            c.setReadOnly(true);
            AgencyArchive.portableSession(c);
            Manifest manifest = write(c, agency, zip);
            byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            zip.putNextEntry(new ZipEntry(AgencyArchive.MANIFEST));
            zip.write(manifestBytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(AgencyArchive.MAC));
            zip.write(AgencyArchive.mac(macKey, manifestBytes).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.finish();
            return manifest;
        } finally {
            c.rollback();
            c.setReadOnly(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(autoCommit);
        }
    }

    private Manifest write(Connection c, AgencySlug agency, ZipOutputStream zip) throws SQLException, IOException {
        String schema = agency.schemaName();
        Catalog catalog = new Catalog(c);
        if (!registered(c, agency) || !catalog.schemaExists(schema)) {
            throw new ApiException(ProblemCode.AGENCY_NOT_FOUND, agency).variant("no-schema");
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();

        List<TableFile> tables = new ArrayList<>();
        List<SequenceValue> sequences = new ArrayList<>();
        for (String table : catalog.tablesInDependencyOrder(schema)) {
            List<String> columns = catalog.columns(schema, table, true);
            tables.add(copyOut(
                    copy,
                    zip,
                    "agency/" + table + ".csv",
                    table,
                    columns,
                    orderedSelect(schema, table, columns, catalog.primaryKey(schema, table), null)));
            for (Map.Entry<String, String> identity :
                    catalog.identitySequences(schema, table).entrySet()) {
                sequences.add(new SequenceValue(table, identity.getKey(), lastValue(c, identity.getValue())));
            }
        }

        List<TableFile> registry = new ArrayList<>();
        List<String> jurisdictionColumns = catalog.columns("core", "jurisdiction", true);
        registry.add(copyOut(copy, zip, "core/jurisdiction.csv", "jurisdiction", jurisdictionColumns, """
                with recursive chain as (
                  select j.*, 0 as depth from core.jurisdiction j
                  where j.slug = (select jurisdiction_slug from core.agency where slug = %s)
                  union all
                  select p.*, chain.depth + 1 from core.jurisdiction p join chain on p.slug = chain.parent_slug)
                select %s from chain order by depth desc""".formatted(
                        literal(agency.value()), columnList(jurisdictionColumns))));
        List<String> agencyColumns = catalog.columns("core", "agency", true);
        registry.add(copyOut(
                copy,
                zip,
                "core/agency.csv",
                "agency",
                agencyColumns,
                orderedSelect("core", "agency", agencyColumns, List.of("slug"), "slug = " + literal(agency.value()))));
        for (Map.Entry<String, String> referencing :
                catalog.coreTablesReferencingAgency().entrySet()) {
            String table = referencing.getKey();
            if (!AgencyArchive.REGISTRY_TABLES.containsKey(table)) {
                continue; // not restorable, so not exported: a table joins the archive by joining the fixed list
            }
            // Identity ids are the other database's business: the rows get new ones where they land.
            List<String> columns = catalog.columns("core", table, false);
            registry.add(copyOut(
                    copy,
                    zip,
                    "core/" + table + ".csv",
                    table,
                    columns,
                    orderedSelect(
                            "core",
                            table,
                            columns,
                            List.of(),
                            quote(referencing.getValue()) + " = " + literal(agency.value()))));
        }

        return new Manifest(
                AgencyArchive.FORMAT,
                AgencyArchive.VERSION,
                agency.value(),
                schema,
                Instant.now().toString(),
                serverVersion(c),
                changelog(c, schema),
                tables,
                registry,
                sequences);
    }

    /** The rows in a fixed order: by primary key, or by every column when there is none. */
    static String orderedSelect(
            String schema, String table, List<String> columns, List<String> primaryKey, String where) {
        String order = primaryKey.isEmpty()
                ? IntStream.rangeClosed(1, columns.size())
                        .mapToObj(Integer::toString)
                        .collect(Collectors.joining(", "))
                : columnList(primaryKey);
        return "select " + columnList(columns) + " from " + quote(schema) + "." + quote(table)
                + (where == null ? "" : " where " + where) + " order by " + order;
    }

    static String copyOutSql(String select) {
        return "copy (" + select + ") to stdout with (format csv, header true, encoding 'UTF8')";
    }

    private static TableFile copyOut(
            CopyManager copy, ZipOutputStream zip, String file, String table, List<String> columns, String select)
            throws SQLException, IOException {
        zip.putNextEntry(new ZipEntry(file));
        MessageDigest sha = sha256();
        long rows = copy.copyOut(copyOutSql(select), new DigestOutputStream(new NoClose(zip), sha));
        zip.closeEntry();
        return new TableFile(table, file, columns, rows, HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean registered(Connection c, AgencySlug agency) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from core.agency where slug = ?")) {
            ps.setString(1, agency.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<ChangeSet> changelog(Connection c, String schema) throws SQLException {
        List<ChangeSet> result = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select id, author, filename, md5sum from " + quote(schema)
                        + ".databasechangelog order by orderexecuted")) {
            while (rs.next()) {
                result.add(new ChangeSet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return result;
    }

    private static long lastValue(Connection c, String sequence) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select last_value, is_called from " + sequence)) {
            rs.next();
            return rs.getBoolean(2) ? rs.getLong(1) : 0;
        }
    }

    private static String serverVersion(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
    }

    /** Lets the zip (and PgJDBC) close their own streams without closing the caller's. */
    static final class NoClose extends FilterOutputStream {

        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
