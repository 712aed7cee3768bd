package dev.gongkai.tenants.backup;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.JURISDICTION;
import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.jooq.core.Tables.PUBLICATION;
import static dev.gongkai.platform.jooq.core.Tables.REPORT_STATE;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gongkai.contract.ReportStatus;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import dev.gongkai.tenants.TenantsWebTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Archives altered after export, or crafted by someone who holds the backup key, are refused as a whole: nothing of
 * them reaches the target database. Each case starts from a real export and changes one thing.
 */
@TenantsWebTest
class CraftedArchiveTest {

    @TestTenant(jurisdiction = "crafted-city")
    ManagedAgency exported;

    @TestTenant(jurisdiction = "crafted-city")
    ManagedAgency other;

    @Autowired
    AgencyBackups backups;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Value("${gongkai.backup.mac-key}")
    String macKey;

    @TempDir
    Path dir;

    TestDatabase target;
    Path original;

    @BeforeEach
    void exportOneAgency(TestDatabase source) {
        exported.dsl()
                .execute("insert into \"" + exported.schema() + "\".report (year, format, status) "
                        + "values (2025, 'gov-2021', 'SUBMITTED')");
        String slug = exported.slug().value();
        source.dsl()
                .insertInto(REPORT_STATE)
                .set(REPORT_STATE.AGENCY_SLUG, slug)
                .set(REPORT_STATE.YEAR, 2025)
                .set(REPORT_STATE.JURISDICTION_SLUG, "crafted-city")
                .set(REPORT_STATE.STATUS, ReportStatus.SUBMITTED)
                .set(REPORT_STATE.DEADLINE, java.time.LocalDate.of(2026, 1, 31))
                .set(REPORT_STATE.LATE, false)
                .execute();
        source.dsl()
                .insertInto(PUBLICATION)
                .set(PUBLICATION.AGENCY_SLUG, slug)
                .set(PUBLICATION.JURISDICTION_SLUG, "crafted-city")
                .set(PUBLICATION.YEAR, 2024)
                .set(PUBLICATION.NUMBER, 1)
                .set(PUBLICATION.PUBLISHED_AT, java.time.OffsetDateTime.now())
                .set(PUBLICATION.CORRECTION, false)
                .set(PUBLICATION.IMPORTED, false)
                .set(PUBLICATION.LATE, false)
                .set(PUBLICATION.EVENT_ID, "event-" + slug)
                .execute();
        original = dir.resolve("export.zip");
        backups.export(exported.slug(), original);
        target = TestDatabase.another();
    }

    @AfterEach
    void dropTarget() {
        target.close();
    }

    @Test
    void theUntouchedExportIsRestored() {
        backups.restore(original, target.migrator(), target::connect, line -> {});
        assertThat(target.dsl()
                        .fetchCount(AGENCY, AGENCY.SLUG.eq(exported.slug().value())))
                .isEqualTo(1);
        assertThat(target.dsl()
                        .fetchCount(
                                PUBLICATION,
                                PUBLICATION.AGENCY_SLUG.eq(exported.slug().value())))
                .isEqualTo(1);
    }

    @Test
    void aFileChangedAfterExportIsRefusedByItsMac() throws Exception {
        // A forged publication in the agency's own schema, with the manifest's checksum and row count fixed up:
        // only the key can make the MAC match.
        Path forged = craft(false, files -> {
            String csv = new String(files.get("agency/published_revision.csv"), StandardCharsets.UTF_8);
            csv +=
                    "2025,1,1,gov-2021,{},2026-01-02 00:00:00+00,someone,f,,f,2026-01-31,f,forged-event,,,,2026-01-02 00:00:00+00\n";
            files.put("agency/published_revision.csv", csv.getBytes(StandardCharsets.UTF_8));
            return files;
        });
        assertRefused(forged, "restore.unauthenticated", "未通过签名校验", "signature does not match");
    }

    @Test
    void anArchiveWithoutAMacIsRefused() throws Exception {
        Path unsigned = craft(false, files -> files);
        assertRefused(unsigned, "restore.unauthenticated", "未通过签名校验", "signature does not match");
    }

    @Test
    void anotherAgencysRowsAreRefusedEvenWhenSigned() throws Exception {
        Path crafted = craft(true, files -> relabel(files, "core/report_state.csv"));
        assertRefused(crafted, "restore.refused", "属于其他机构", "not the agency's own");
        assertThat(target.dsl().fetchCount(REPORT_STATE)).isZero();
    }

    @Test
    void aSecondAgencyRowIsRefused() throws Exception {
        Path crafted = craft(true, files -> {
            String csv = new String(files.get("core/agency.csv"), StandardCharsets.UTF_8);
            String row = csv.substring(csv.indexOf('\n') + 1);
            files.put(
                    "core/agency.csv",
                    (csv + row.replace(exported.slug().value(), "smuggled-agency")).getBytes(StandardCharsets.UTF_8));
            return files;
        });
        assertRefused(crafted, "restore.refused", "core.agency", "core.agency must hold exactly");
    }

    @Test
    void anOutboxRowIsRefused() throws Exception {
        Path crafted = craft(
                true,
                files -> {
                    files.put(
                            "core/outbox.csv",
                            ("aggregate,type,payload\nreport:x:2025,ReportPublished,{}\n")
                                    .getBytes(StandardCharsets.UTF_8));
                    return files;
                },
                "outbox",
                "aggregate,type,payload");
        assertRefused(crafted, "restore.refused", "core.outbox", "core table outbox is never restored");
        assertThat(target.dsl().fetchCount(OUTBOX)).isZero();
    }

    @Test
    void aForgedPublicationOfAnotherAgencyIsRefused() throws Exception {
        Path crafted = craft(true, files -> relabel(files, "core/publication.csv"));
        assertRefused(crafted, "restore.refused", "属于其他机构", "belong to another agency");
        assertThat(target.dsl().fetchCount(PUBLICATION)).isZero();
    }

    @Test
    void theEndpointAnswersAProblemInBothLanguages() throws Exception {
        byte[] unsigned = Files.readAllBytes(craft(false, files -> files));
        mvc.perform(post("/api/admin/agencies/restore")
                        .with(platformAdmin())
                        .contentType("application/zip")
                        .content(unsigned))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("restore.unauthenticated"))
                .andExpect(jsonPath("$.message_zh").value(org.hamcrest.Matchers.containsString("未恢复任何数据")))
                .andExpect(
                        jsonPath("$.message_en").value(org.hamcrest.Matchers.containsString("nothing was restored")));
    }

    /** The exported agency's rows of one core file, handed to the other agency. */
    private Map<String, byte[]> relabel(Map<String, byte[]> files, String file) {
        String csv = new String(files.get(file), StandardCharsets.UTF_8);
        assertThat(csv).contains(exported.slug().value());
        files.put(
                file, csv.replace(exported.slug().value(), other.slug().value()).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private void assertRefused(Path archive, String code, String zh, String en) {
        assertThatThrownBy(() -> backups.restore(archive, target.migrator(), target::connect, line -> {}))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.messageZh()).contains(zh);
                    assertThat(e.messageEn()).contains(en);
                });
        // Nothing written: no schema, no registry row, the target's core as it was.
        assertThat(target.migrator().schemaExists(exported.slug())).isFalse();
        assertThat(target.dsl().fetchCount(AGENCY)).isZero();
        assertThat(target.dsl().fetchCount(JURISDICTION)).isZero();
        assertThat(target.migrator().schemaExists(AgencySlug.of("smuggled-agency")))
                .isFalse();
    }

    /**
     * The original export with its files changed, the manifest's row counts and checksums fixed up to match (as a
     * careful forger would; changed files hold one row per line), and signed with the platform's key if {@code sign}; {@code addTable}/{@code columns}
     * list a new core file in the manifest.
     */
    private Path craft(boolean sign, UnaryOperator<Map<String, byte[]>> change, String... addTable) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(original.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                try (var in = zip.getInputStream(entry)) {
                    files.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        files.remove(AgencyArchive.MAC);
        Map<String, byte[]> before = new LinkedHashMap<>(files);
        files = change.apply(files);
        ObjectNode manifest = (ObjectNode) json.readTree(files.get(AgencyArchive.MANIFEST));
        if (addTable.length == 2) {
            ObjectNode added = manifest.withArray("registry").addObject();
            added.put("table", addTable[0]).put("file", "core/" + addTable[0] + ".csv");
            var columns = added.putArray("columns");
            for (String column : addTable[1].split(",")) {
                columns.add(column);
            }
        }
        for (String section : new String[] {"tables", "registry"}) {
            for (var node : manifest.withArray(section)) {
                ObjectNode table = (ObjectNode) node;
                byte[] content = files.get(table.get("file").stringValue());
                if (java.util.Arrays.equals(
                        content, before.get(table.get("file").stringValue()))) {
                    continue;
                }
                String text = new String(content, StandardCharsets.UTF_8);
                long lines = text.chars().filter(ch -> ch == '\n').count();
                table.put("rows", lines - 1);
                table.put(
                        "sha256",
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
            }
        }
        byte[] manifestBytes = json.writeValueAsBytes(manifest);
        files.put(AgencyArchive.MANIFEST, manifestBytes);
        if (sign) {
            files.put(
                    AgencyArchive.MAC,
                    AgencyArchive.mac(AgencyArchive.key(macKey), manifestBytes).getBytes(StandardCharsets.US_ASCII));
        }
        Path crafted = Files.createTempFile(dir, "crafted-", ".zip");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        Files.write(crafted, bytes.toByteArray());
        return crafted;
    }
}
