package dev.gongkai.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code java -jar tenants.jar export-agency <slug> <file>} and {@code restore-agency <file>}. */
@TenantsWebTest
@ExtendWith(OutputCaptureExtension.class)
class CommandLineBackupTest {

    @TestTenant
    ManagedAgency agency;

    @Autowired
    CommandLineMode commands;

    @TempDir
    Path dir;

    @Test
    void exportsAnAgencyToAZipWithAManifest(CapturedOutput output) throws Exception {
        Path file = dir.resolve(agency.slug().value() + ".zip");

        int status = commands.run("export-agency", List.of(agency.slug().value(), file.toString()));

        assertThat(status).isZero();
        assertThat(output.getOut()).contains("export-agency: " + agency.slug().value() + " written to");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.getEntry("manifest.json")).isNotNull();
            assertThat(zip.getEntry("agency/report.csv")).isNotNull();
            assertThat(zip.getEntry("core/agency.csv")).isNotNull();
        }
    }

    @Test
    void refusesToRestoreOverTheAgencyItCameFromInBothLanguages(CapturedOutput output) {
        agency.dsl().execute("insert into \"" + agency.schema() + "\".report (year, format) values (2025, 'gov-2021')");
        Path file = dir.resolve("export.zip");
        assertThat(commands.run("export-agency", List.of(agency.slug().value(), file.toString())))
                .isZero();

        int status = commands.run("restore-agency", List.of(file.toString()));

        assertThat(status).isEqualTo(1);
        assertThat(output.getErr()).contains("已存在且已有数据").contains("already exists in the target database");
    }

    @Test
    void anUnknownAgencyOrAMissingArgumentIsAnErrorNotAFile(CapturedOutput output) {
        Path file = dir.resolve("nobody.zip");

        assertThat(commands.run("export-agency", List.of("no-such-agency", file.toString())))
                .isEqualTo(1);
        assertThat(commands.run("restore-agency", List.of())).isEqualTo(2);

        assertThat(Files.exists(file)).isFalse();
        assertThat(output.getErr()).contains("no-such-agency").contains("usage: java -jar tenants.jar restore-agency");
    }
}
