package dev.gongkai.tenants.backup;

import static dev.gongkai.tenants.backup.AgencyArchive.columnList;
import static dev.gongkai.tenants.backup.AgencyArchive.literal;
import static dev.gongkai.tenants.backup.AgencyArchive.quote;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.LocalizedText;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.tenants.backup.AgencyArchive.Manifest;
import dev.gongkai.tenants.backup.AgencyArchive.SequenceValue;
import dev.gongkai.tenants.backup.AgencyArchive.TableFile;
import dev.gongkai.tenants.keycloak.Organizations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads an {@link AgencyArchive} into a database: the schema is created from this build's tenant changelog (which
 * must be the state the export was taken at), then in one transaction the registry rows are added where absent,
 * the schema's history and data are copied in, identity sequences are set, and every table is counted and
 * checksummed against the manifest. Any difference rolls everything back and drops the schema this run created.
 * It refuses an agency that already has data in the target: a restore never merges into or overwrites a tenant.
 * <p>
 * The archive is trusted only as far as it is proven: its MAC must match under this platform's backup key before
 * anything is read from it, and even then only the agency's own rows of the fixed {@link AgencyArchive#REGISTRY_TABLES}
 * and the tables of its own schema are loaded; anything else refuses the whole archive with nothing written.
 */
public final class AgencyRestorer {

    private final JsonMapper json;
    private final byte[] macKey;
    private final Organizations organizations;

    AgencyRestorer(JsonMapper json, byte[] macKey, Organizations organizations) {
        this.json = json;
        this.macKey = macKey;
        this.organizations = organizations;
    }

    public record Restored(String agency, List<String> lines) {}

    Restored restore(
            Path file, SchemaMigrator migrator, SchemaMigrator.ConnectionFactory connections, Consumer<String> progress)
            throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = manifest(zip);
            AgencySlug agency = AgencySlug.of(manifest.agency());
            requireOwnTables(manifest, agency);
            requireSameChangelog(manifest, migrator.tenantChangelog());
            List<String> lines = new ArrayList<>();
            Consumer<String> report = line -> {
                lines.add(line);
                progress.accept(line);
            };
            boolean createdSchema;
            try (Connection c = connections.open()) {
                refuseIfPresentWithData(c, agency);
                createdSchema = !new Catalog(c).schemaExists(agency.schemaName());
            }
            migrator.createAgencySchema(agency);
            MigrationResult migrated = migrator.migrateAgency(agency);
            if (migrated.failed()) {
                throw new IllegalStateException("Creating " + agency.schemaName() + " failed: " + migrated.error());
            }
            try (Connection c = connections.open()) {
                c.setAutoCommit(false);
                try {
                    AgencyArchive.portableSession(c);
                    load(c, zip, manifest, agency, report);
                    c.commit();
                } catch (RuntimeException | SQLException | IOException e) {
                    c.rollback();
                    if (createdSchema) {
                        dropSchema(c, agency);
                    }
                    throw e;
                }
            }
            report.accept("restore-agency: " + agency + " restored and verified");
            return new Restored(agency.value(), List.copyOf(lines));
        }
    }

    private Manifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(AgencyArchive.MANIFEST);
        if (entry == null) {
            throw invalid("no " + AgencyArchive.MANIFEST);
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        ZipEntry macEntry = zip.getEntry(AgencyArchive.MAC);
        String mac = null;
        if (macEntry != null) {
            try (InputStream in = zip.getInputStream(macEntry)) {
                mac = new String(in.readNBytes(128), StandardCharsets.US_ASCII).strip();
            }
        }
        if (mac == null
                || !MessageDigest.isEqual(
                        mac.getBytes(StandardCharsets.US_ASCII),
                        AgencyArchive.mac(macKey, bytes).getBytes(StandardCharsets.US_ASCII))) {
            throw new ApiException(ProblemCode.RESTORE_UNAUTHENTICATED);
        }
        Manifest manifest;
        try {
            manifest = json.readValue(bytes, Manifest.class);
        } catch (RuntimeException e) {
            throw invalid("unreadable " + AgencyArchive.MANIFEST);
        }
        if (!AgencyArchive.FORMAT.equals(manifest.format()) || manifest.version() != AgencyArchive.VERSION) {
            throw invalid("format " + manifest.format() + " version " + manifest.version() + ", expected "
                    + AgencyArchive.FORMAT + " version " + AgencyArchive.VERSION);
        }
        return manifest;
    }

    /** The archive names only its agency's schema and the fixed core tables, before anything is created. */
    private static void requireOwnTables(Manifest manifest, AgencySlug agency) {
        if (!agency.schemaName().equals(manifest.schema())) {
            throw refused(
                    "schema " + manifest.schema() + " is not agency " + agency + "'s schema",
                    "数据模式 " + manifest.schema() + " 不属于机构 " + agency);
        }
        for (TableFile file : manifest.registry()) {
            if (!AgencyArchive.REGISTRY_TABLES.containsKey(file.table())) {
                throw refused(
                        "core table " + file.table() + " is never restored from an archive",
                        "共享表 core." + file.table() + " 不能从导出文件恢复");
            }
        }
        for (TableFile file : manifest.tables()) {
            if (file.table().startsWith("databasechangeloglock")) {
                throw refused("table " + file.table() + " is never restored", "表 " + file.table() + " 不能恢复");
            }
        }
    }

    private static ApiException refused(String detailEn, String detailZh) {
        return new ApiException(ProblemCode.RESTORE_REFUSED, new LocalizedText(detailZh, detailEn));
    }

    private static void requireSameChangelog(Manifest manifest, Set<String> expected) {
        Set<String> exported = manifest.changelog().stream()
                .map(cs -> SchemaMigrator.changeSetKey(cs.id(), cs.author(), cs.filename(), cs.md5sum()))
                .collect(Collectors.toCollection(TreeSet::new));
        if (exported.equals(expected)) {
            return;
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(exported);
        Set<String> unknown = new TreeSet<>(exported);
        unknown.removeAll(expected);
        throw new ApiException(ProblemCode.RESTORE_CHANGELOG_MISMATCH)
                .with("missingChangeSets", List.copyOf(missing))
                .with("unknownChangeSets", List.copyOf(unknown));
    }

    private static void refuseIfPresentWithData(Connection c, AgencySlug agency) throws SQLException {
        Catalog catalog = new Catalog(c);
        String schema = agency.schemaName();
        if (!catalog.schemaExists(schema)) {
            return;
        }
        for (String table : catalog.tablesInDependencyOrder(schema)) {
            if (table.equals("databasechangelog")) {
                continue;
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "select exists (select 1 from " + quote(schema) + "." + quote(table) + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new ApiException(ProblemCode.AGENCY_EXISTS, agency, table).variant("with-data");
                }
            }
        }
    }

    private void load(Connection c, ZipFile zip, Manifest manifest, AgencySlug agency, Consumer<String> report)
            throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, TableFile> staged = new java.util.LinkedHashMap<>();
        for (TableFile file : manifest.registry()) {
            if (staged.put(file.table(), file) != null) {
                throw refused("core table " + file.table() + " appears twice", "共享表 core." + file.table() + " 出现两次");
            }
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table " + quote(staging(file)) + " on commit drop as select "
                        + columnList(file.columns()) + " from core." + quote(file.table()) + " with no data");
            }
            copyIn(copy, zip, file, quote(staging(file)));
        }
        requireOwnRows(c, staged, agency);
        if (staged.containsKey("agency_membership")) {
            takeThisRealmsUserIds(c, staged.get("agency_membership"), report);
        }
        for (String table : AgencyArchive.REGISTRY_TABLES.keySet()) {
            TableFile file = staged.get(table);
            if (file == null) {
                continue;
            }
            if (table.equals("agency")) {
                unlinkMissingParent(c, staging(file), report);
            }
            int inserted;
            try (Statement st = c.createStatement()) {
                inserted = st.executeUpdate("insert into core." + quote(table) + " (" + columnList(file.columns())
                        + ") select " + columnList(file.columns()) + " from " + quote(staging(file))
                        + " on conflict do nothing");
            }
            report.accept(String.format(
                    "core.%-26s %6d rows in file, %6d added%s",
                    table, file.rows(), inserted, inserted < file.rows() ? " (the others were there already)" : ""));
        }
        String schema = agency.schemaName();
        Set<String> schemaTables = Set.copyOf(new Catalog(c).tablesInDependencyOrder(schema));
        for (TableFile file : manifest.tables()) {
            if (!schemaTables.contains(file.table())) {
                throw refused(
                        "table " + file.table() + " is not a table of the agency's schema",
                        "表 " + file.table() + " 不是机构数据模式中的表");
            }
        }
        for (TableFile file : manifest.tables()) {
            String target = quote(schema) + "." + quote(file.table());
            if (file.table().equals("databasechangelog")) {
                // The history as the source had it (dates, deployment ids), not this run's.
                try (Statement st = c.createStatement()) {
                    st.execute("delete from " + target);
                }
            }
            copyIn(copy, zip, file, target);
        }
        for (SequenceValue sequence : manifest.sequences()) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select setval(pg_get_serial_sequence("
                            + literal(quote(schema) + "." + quote(sequence.table())) + ", " + literal(sequence.column())
                            + "), greatest(" + sequence.lastValue() + ", (select coalesce(max("
                            + quote(sequence.column())
                            + "), 0) from " + quote(schema) + "." + quote(sequence.table()) + "), 1), "
                            + (sequence.lastValue() > 0) + ")")) {
                rs.next();
            }
        }
        Catalog catalog = new Catalog(c);
        for (TableFile file : manifest.tables()) {
            String select = AgencyExporter.orderedSelect(
                    schema, file.table(), file.columns(), catalog.primaryKey(schema, file.table()), null);
            MessageDigest sha = AgencyExporter.sha256();
            long rows = copy.copyOut(
                    AgencyExporter.copyOutSql(select), new DigestOutputStream(OutputStream.nullOutputStream(), sha));
            String checksum = HexFormat.of().formatHex(sha.digest());
            if (rows != file.rows() || !checksum.equals(file.sha256())) {
                throw new IllegalStateException("Verification of " + schema + "." + file.table() + " failed: "
                        + rows + " rows (expected " + file.rows() + "), checksum " + checksum + " (expected "
                        + file.sha256() + ")");
            }
            report.accept(String.format("%s.%-26s %6d rows, checksum verified", schema, file.table(), rows));
        }
    }

    private static void copyIn(CopyManager copy, ZipFile zip, TableFile file, String target)
            throws SQLException, IOException {
        ZipEntry entry = zip.getEntry(file.file());
        if (entry == null) {
            throw invalid("no " + file.file());
        }
        MessageDigest sha = AgencyExporter.sha256();
        long rows;
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
            rows = copy.copyIn(
                    "copy " + target + " (" + columnList(file.columns())
                            + ") from stdin with (format csv, header true, encoding 'UTF8')",
                    in);
        }
        String checksum = HexFormat.of().formatHex(sha.digest());
        if (rows != file.rows() || !checksum.equals(file.sha256())) {
            throw invalid(file.file() + " holds " + rows + " rows with checksum " + checksum + ", the manifest says "
                    + file.rows() + " rows with checksum " + file.sha256());
        }
    }

    private static String staging(TableFile file) {
        return "restore_" + file.table();
    }

    /**
     * Every staged core row is the agency's: its one agency row, rows whose agency column names it, and the
     * jurisdictions of its own chain (its jurisdiction and that one's parents) only.
     */
    private static void requireOwnRows(Connection c, Map<String, TableFile> staged, AgencySlug agency)
            throws SQLException {
        TableFile agencyFile = staged.get("agency");
        if (agencyFile == null
                || count(c, "select count(*) from " + quote(staging(agencyFile))) != 1
                || count(
                                c,
                                "select count(*) from " + quote(staging(agencyFile)) + " where slug = "
                                        + literal(agency.value()))
                        != 1) {
            throw refused(
                    "core.agency must hold exactly the row of agency " + agency,
                    "core.agency 必须恰好是机构 " + agency + " 的一行");
        }
        for (TableFile file : staged.values()) {
            String column = AgencyArchive.REGISTRY_TABLES.get(file.table());
            long foreign;
            if (file.table().equals("jurisdiction")) {
                foreign = count(c, """
                        with recursive chain as (
                          select j.slug, j.parent_slug from %1$s j
                          where j.slug = (select jurisdiction_slug from %2$s)
                          union
                          select p.slug, p.parent_slug from %1$s p join chain on p.slug = chain.parent_slug)
                        select count(*) from %1$s where slug not in (select slug from chain)""".formatted(quote(staging(file)), quote(staging(agencyFile))));
            } else if (!file.columns().contains(column)) {
                throw refused(
                        "core." + file.table() + " lacks its column " + column,
                        "core." + file.table() + " 缺少列 " + column);
            } else {
                foreign = count(
                        c,
                        "select count(*) from " + quote(staging(file)) + " where " + quote(column)
                                + " is distinct from " + literal(agency.value()));
            }
            if (foreign > 0) {
                throw refused(
                        foreign + " rows of core." + file.table() + " belong to another agency",
                        "core." + file.table() + " 中有 " + foreign + " 行属于其他机构或辖区");
            }
        }
    }

    /**
     * Memberships name people by the user ids of the realm the archive was exported from; restored into another
     * platform the same username has another id here, so each person is looked up by username in this realm and
     * their rows take its id. A username this realm does not have keeps the archive's id (it matches no account
     * here) and is named in the report. Only the staged copy is changed: no row of the registry is locked yet.
     */
    private void takeThisRealmsUserIds(Connection c, TableFile file, Consumer<String> report) throws SQLException {
        if (!organizations.enabled() || !file.columns().containsAll(List.of("user_id", "username"))) {
            return;
        }
        Map<String, String> archived = new java.util.TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select distinct username, user_id from " + quote(staging(file)))) {
            while (rs.next()) {
                archived.put(rs.getString(1), rs.getString(2));
            }
        }
        List<String> absent = new ArrayList<>();
        int changed = 0;
        try (PreparedStatement update =
                c.prepareStatement("update " + quote(staging(file)) + " set user_id = ? where username = ?")) {
            for (var person : archived.entrySet()) {
                var here = organizations.userId(person.getKey());
                if (here.isEmpty()) {
                    absent.add(person.getKey());
                } else if (!here.get().equals(person.getValue())) {
                    update.setString(1, here.get());
                    update.setString(2, person.getKey());
                    update.executeUpdate();
                    changed++;
                }
            }
        }
        if (changed > 0) {
            report.accept("core.agency_membership: " + changed + " of " + archived.size()
                    + " people given this realm's user id (found by username)");
        }
        if (!absent.isEmpty()) {
            report.accept("core.agency_membership: this realm has no account " + String.join(", ", absent)
                    + "; their memberships keep the archive's ids");
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A branch restored without its parent agency keeps working; the link is dropped and said so. */
    private static void unlinkMissingParent(Connection c, String staging, Consumer<String> report) throws SQLException {
        try (Statement st = c.createStatement()) {
            int unlinked = st.executeUpdate("update " + quote(staging) + " s set parent_slug = null"
                    + " where parent_slug is not null"
                    + " and not exists (select 1 from core.agency a where a.slug = s.parent_slug)");
            if (unlinked > 0) {
                report.accept("core.agency: its parent agency is not registered here; restored without the link");
            }
        }
    }

    private static void dropSchema(Connection c, AgencySlug agency) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + quote(agency.schemaName()) + " cascade");
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemCode.RESTORE_INVALID_FILE, detail);
    }
}
