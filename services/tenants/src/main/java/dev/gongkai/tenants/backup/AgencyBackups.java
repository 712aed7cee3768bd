package dev.gongkai.tenants.backup;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.tenants.backup.AgencyArchive.Manifest;
import dev.gongkai.tenants.keycloak.Organizations;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backup and restore of one agency ({@code export-agency}, {@code restore-agency}, and the platform-admin
 * endpoints): export from this service's database, restore into this service's database or, for tools and tests,
 * into any other one reached through a migrator and a connection factory.
 */
@Service
public class AgencyBackups {

    private final DataSource dataSource;
    private final SchemaMigrator migrator;
    private final AgencyExporter exporter;
    private final AgencyRestorer restorer;

    AgencyBackups(
            DataSource dataSource,
            SchemaMigrator migrator,
            JsonMapper json,
            Organizations organizations,
            @Value("${gongkai.backup.mac-key}") String macKey) {
        this.dataSource = dataSource;
        this.migrator = migrator;
        byte[] key = AgencyArchive.key(macKey);
        this.exporter = new AgencyExporter(json, key);
        this.restorer = new AgencyRestorer(json, key, organizations);
    }

    public Manifest export(AgencySlug agency, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            return exporter.export(c, agency, out);
        } catch (SQLException e) {
            throw new IllegalStateException("Exporting " + agency + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Manifest export(AgencySlug agency, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            Manifest manifest = export(agency, out);
            out.close();
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing left to clean
            }
        }
    }

    /** Into this service's database. */
    public AgencyRestorer.Restored restore(Path file, Consumer<String> progress) {
        return restore(file, migrator, dataSource::getConnection, progress);
    }

    /** Into the database that {@code migrator} and {@code connections} reach. */
    public AgencyRestorer.Restored restore(
            Path file,
            SchemaMigrator migrator,
            SchemaMigrator.ConnectionFactory connections,
            Consumer<String> progress) {
        try {
            return restorer.restore(file, migrator, connections, progress);
        } catch (SQLException e) {
            throw new IllegalStateException("Restoring from " + file + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
