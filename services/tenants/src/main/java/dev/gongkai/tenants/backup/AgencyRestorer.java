package dev.gongkai.tenants.backup;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.tenants.backup.AgencyArchive.Manifest;
import dev.gongkai.tenants.backup.AgencyArchive.SequenceValue;
import dev.gongkai.tenants.backup.AgencyArchive.TableFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
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

import static dev.gongkai.tenants.backup.AgencyArchive.columnList;
import static dev.gongkai.tenants.backup.AgencyArchive.literal;
import static dev.gongkai.tenants.backup.AgencyArchive.quote;

/**
 * Loads an {@link AgencyArchive} into a database: the schema is created from this build's tenant changelog (which
 * must be the state the export was taken at), then in one transaction the registry rows are added where absent,
 * the schema's history and data are copied in, identity sequences are set, and every table is counted and
 * checksummed against the manifest. Any difference rolls everything back and drops the schema this run created.
 * It refuses an agency that already has data in the target: a restore never merges into or overwrites a tenant.
 */
public final class AgencyRestorer {

    private final JsonMapper json;

    AgencyRestorer(JsonMapper json) {
        this.json = json;
    }

    public record Restored(String agency, List<String> lines) {
    }

    Restored restore(Path file, SchemaMigrator migrator, SchemaMigrator.ConnectionFactory connections,
                     Consumer<String> progress) throws IOException, SQLException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Manifest manifest = manifest(zip);
            AgencySlug agency = AgencySlug.of(manifest.agency());
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
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = json.readValue(in, Manifest.class);
        }
        if (!AgencyArchive.FORMAT.equals(manifest.format()) || manifest.version() != AgencyArchive.VERSION) {
            throw invalid("format " + manifest.format() + " version " + manifest.version() + ", expected "
                    + AgencyArchive.FORMAT + " version " + AgencyArchive.VERSION);
        }
        return manifest;
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
        throw new ApiException(HttpStatus.CONFLICT, "restore.changelog-mismatch",
                "导出文件的数据模式版本与本版本不一致：请先在来源端执行 migrate-all 后重新导出，或使用与来源相同版本的程序恢复",
                "The export's schema is at another changelog state than this version: run migrate-all at the source "
                        + "and export again, or restore with the source's version",
                Map.of("missingChangeSets", List.copyOf(missing), "unknownChangeSets", List.copyOf(unknown)));
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
                 ResultSet rs = st.executeQuery("select exists (select 1 from " + quote(schema) + "." + quote(table)
                         + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw ApiException.conflict("agency.exists",
                            "机构 " + agency + " 在目标数据库中已存在且已有数据（表 " + table + "）；恢复不会覆盖或合并已有机构的数据",
                            "Agency " + agency + " already exists in the target database with data (table " + table
                                    + "); a restore never overwrites or merges into an existing agency");
                }
            }
        }
    }

    private void load(Connection c, ZipFile zip, Manifest manifest, AgencySlug agency, Consumer<String> report)
            throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (TableFile file : manifest.registry()) {
            String staging = "restore_" + file.table();
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table " + quote(staging) + " on commit drop as select "
                        + columnList(file.columns()) + " from core." + quote(file.table()) + " with no data");
            }
            copyIn(copy, zip, file, quote(staging));
            if (file.table().equals("agency")) {
                unlinkMissingParent(c, staging, report);
            }
            int inserted;
            try (Statement st = c.createStatement()) {
                inserted = st.executeUpdate("insert into core." + quote(file.table()) + " (" + columnList(file.columns())
                        + ") select " + columnList(file.columns()) + " from " + quote(staging) + " on conflict do nothing");
            }
            report.accept(String.format("core.%-26s %6d rows in file, %6d added%s", file.table(), file.rows(),
                    inserted, inserted < file.rows() ? " (the others were there already)" : ""));
        }
        String schema = agency.schemaName();
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
                         + "), greatest(" + sequence.lastValue() + ", (select coalesce(max(" + quote(sequence.column())
                         + "), 0) from " + quote(schema) + "." + quote(sequence.table()) + "), 1), "
                         + (sequence.lastValue() > 0) + ")")) {
                rs.next();
            }
        }
        Catalog catalog = new Catalog(c);
        for (TableFile file : manifest.tables()) {
            String select = AgencyExporter.orderedSelect(schema, file.table(), file.columns(),
                    catalog.primaryKey(schema, file.table()), null);
            MessageDigest sha = AgencyExporter.sha256();
            long rows = copy.copyOut(AgencyExporter.copyOutSql(select),
                    new DigestOutputStream(OutputStream.nullOutputStream(), sha));
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
            rows = copy.copyIn("copy " + target + " (" + columnList(file.columns())
                    + ") from stdin with (format csv, header true, encoding 'UTF8')", in);
        }
        String checksum = HexFormat.of().formatHex(sha.digest());
        if (rows != file.rows() || !checksum.equals(file.sha256())) {
            throw invalid(file.file() + " holds " + rows + " rows with checksum " + checksum + ", the manifest says "
                    + file.rows() + " rows with checksum " + file.sha256());
        }
    }

    /** A branch restored without its parent agency keeps working; the link is dropped and said so. */
    private static void unlinkMissingParent(Connection c, String staging, Consumer<String> report)
            throws SQLException {
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
        return ApiException.badRequest("restore.invalid-file", "这不是有效的机构导出文件，或文件已损坏：" + detail,
                "This is not a valid agency export, or it is damaged: " + detail);
    }
}
