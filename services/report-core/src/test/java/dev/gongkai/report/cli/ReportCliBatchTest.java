package dev.gongkai.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.SeedReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code report-cli check} on folders, archives and several files: the table, the summary, the exit codes. */
class ReportCliBatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ReportCli(
                        new ByteArrayInputStream(new byte[0]), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String content) throws Exception {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static Path corpus() throws Exception {
        return Path.of(
                ReportCliBatchTest.class.getResource("/fixtures/real/reports").toURI());
    }

    @Test
    void aFolderGivesACsvTableWithAByteOrderMarkAndTheSummaryOnStandardError() throws Exception {
        int code = run("check", corpus().toString());

        assertThat(out.toByteArray()).startsWith(0xEF, 0xBB, 0xBF);
        List<String> rows = stdout().substring(1).lines().toList();
        assertThat(stdout()).contains("\r\n");
        assertThat(rows.getFirst()).isEqualTo(BatchTable.CSV_HEADER);
        assertThat(rows).hasSize(17);
        assertThat(rows.get(12))
                .startsWith(corpus().resolve("012_sanming_2025.txt") + ",三明市,2025,2021 年版,")
                .endsWith("," + corpus().resolve("011_sanming_2024.txt") + ",");
        // Words, not codes: no rule id or severity code on a row people read.
        assertThat(stdout()).doesNotContain("IN_FORCE_CHAIN", "STRUCTURE", "\"error\"");
        assertThat(stderr()).contains("共 16 个文件：年度报告 16 份", "不是年度报告 0 个", "16 files: 16 reports", "0 not reports");
        // Some corpus reports have error findings (a fee with seven decimals, at least), none is not a report.
        assertThat(code).isEqualTo(ReportCli.ERRORS_FOUND);
    }

    @Test
    void jsonLinesCarryCodesAndBothLanguages() throws Exception {
        file("ok/2021.json", CanonicalJson.writeBytes(SeedReport.report()));
        file(
                "ok/2022.json",
                CanonicalJson.writeBytes(SeedReport.report().toBuilder()
                        .year(2022)
                        .cell("s2.normativeDocuments.inForce", 1)
                        .build()));
        file("broken.json", "{\"format\": ");

        int code = run("check", "--format", "jsonl", dir.toString());

        List<String> lines = stdout().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode broken = JSON.readTree(lines.get(0));
        assertThat(broken.propertyNames())
                .containsExactly(
                        "file",
                        "agency",
                        "year",
                        "format",
                        "errors",
                        "warnings",
                        "unreadable_cells",
                        "first_error",
                        "previous_file",
                        "same_year_files",
                        "not_read");
        assertThat(broken.get("not_read").get("code").stringValue()).isEqualTo("DAMAGED");
        assertThat(broken.get("errors").isNull()).isTrue();
        JsonNode later = JSON.readTree(lines.get(2));
        assertThat(later.get("file").stringValue()).endsWith("2022.json");
        assertThat(later.get("year").intValue()).isEqualTo(2022);
        assertThat(later.get("format").stringValue()).isEqualTo("2021");
        assertThat(later.get("previous_file").stringValue()).endsWith("2021.json");
        assertThat(later.get("not_read").isNull()).isTrue();
        assertThat(later.get("warnings").intValue()).isPositive(); // 21 + 0 − 0 ≠ 1: IN_FORCE_CHAIN
        assertThat(stderr()).contains("3 files: 2 reports", "1 not reports");
        // Something that is not a report outranks errors, as for one file.
        assertThat(code).isEqualTo(ReportCli.UNREADABLE);
    }

    @Test
    void severalFilesMakeATableAndACleanBatchExitsZero() throws Exception {
        Path a = file("a.json", CanonicalJson.writeBytes(SeedReport.report()));
        Path b = file(
                "b.json",
                CanonicalJson.writeBytes(
                        SeedReport.report().toBuilder().agency("乌海市财政局").build()));

        assertThat(run("check", a.toString(), b.toString())).isEqualTo(ReportCli.OK);
        assertThat(stdout().lines()).hasSize(3);
        assertThat(stdout().lines().skip(1)).allSatisfy(row -> assertThat(row).contains(",2021,2021 年版,0,"));
    }

    @Test
    void oneFileStillPrintsItsFindingsUnlessATableIsAskedFor() throws Exception {
        Path one = file("one.json", CanonicalJson.writeBytes(SeedReport.report()));

        run("check", one.toString());
        assertThat(stdout()).doesNotContain(BatchTable.CSV_HEADER);

        out.reset();
        run("check", one.toString(), "--format", "csv");
        assertThat(stdout()).contains(BatchTable.CSV_HEADER, one + ",乌海市公安局,2021,");
    }

    @Test
    void refusesWhatABatchCannotDo() throws Exception {
        for (String[] args : List.of(
                new String[] {"check", dir.toString(), "--format", "xml"},
                new String[] {"check", dir.toString(), "--previous", "x.json"},
                new String[] {"check", dir.toString(), "-"},
                new String[] {"parse", "a.json", "b.json"})) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ReportCli.UNREADABLE);
            assertThat(stderr()).as(String.join(" ", args)).contains("usage:");
        }
        err.reset();
        Files.createDirectories(dir.resolve("empty"));
        assertThat(run("check", dir.resolve("empty").toString())).isEqualTo(ReportCli.UNREADABLE);
        assertThat(stderr()).contains("no files found");
    }
}
