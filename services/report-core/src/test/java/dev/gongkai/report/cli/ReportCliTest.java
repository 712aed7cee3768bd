package dev.gongkai.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.CsvRenderer;
import dev.gongkai.report.render.SeedReport;
import dev.gongkai.report.rules.RuleId;
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

class ReportCliTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] stdin, String... args) {
        return new ReportCli(new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private int run(String... args) {
        return run(new byte[0], args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void parsePrintsTheCanonicalJsonOfAJsonReport() throws Exception {
        Path report = file("report.json", CanonicalJson.writeBytes(SeedReport.report()));

        assertThat(run("parse", report.toString())).isZero();
        assertThat(stdout()).isEqualTo(CanonicalJson.write(SeedReport.report()));
    }

    @Test
    void parsesAndChecksThePublishedSeedReport() throws Exception {
        Path seed = file("wuhai.html", SeedReport.fixtureBytes());

        assertThat(run("parse", seed.toString())).isZero();
        assertThat(stdout()).isEqualTo(CanonicalJson.write(SeedReport.report()));

        out.reset();
        assertThat(run("check", seed.toString())).isEqualTo(ReportCli.OK);
        assertThat(stdout().lines()).allSatisfy(line -> assertThat(line).doesNotContain("\"severity\":\"error\""));
    }

    @Test
    void recognisesTheTypeFromTheContentNotTheName() throws Exception {
        Path csv = file("report.txt", CsvRenderer.renderBytes(SeedReport.report()));

        assertThat(run("parse", csv.toString())).isZero();
        assertThat(stdout()).isEqualTo(CanonicalJson.write(SeedReport.report()));
    }

    @Test
    void readsStandardInputForADash() {
        assertThat(run(CanonicalJson.writeBytes(SeedReport.report()), "render", "-", "--to", "csv"))
                .isZero();
        assertThat(out.toByteArray()).isEqualTo(CsvRenderer.renderBytes(SeedReport.report()));
    }

    @Test
    void rendersEveryLayout() throws Exception {
        Path report = file("r.json", CanonicalJson.writeBytes(SeedReport.report()));
        for (String to : List.of("html", "csv", "json", "text")) {
            out.reset();
            assertThat(run("render", report.toString(), "--to", to)).as(to).isZero();
            assertThat(out.size()).as(to).isPositive();
        }
        assertThat(run("render", "--to", "html", report.toString())).isZero();
        assertThat(stdout()).contains("<html lang=\"zh-CN\">");
    }

    @Test
    void checkPrintsOneJsonObjectPerFindingAndExitsOneOnAnError() throws Exception {
        String json = "{\"format\": \"2021\", \"year\": 2021, \"cells\": {\"s3.received.subtotal\": 1}}";
        Path report = file("r.json", json.getBytes(StandardCharsets.UTF_8));

        int code = run("check", report.toString());

        List<String> lines = stdout().lines().toList();
        assertThat(lines).isNotEmpty();
        JsonNode first = JSON.readTree(lines.getFirst());
        assertThat(first.propertyNames()).containsExactly("rule", "severity", "cells", "message_zh", "message_en");
        assertThat(first.get("rule").stringValue()).isEqualTo("STRUCTURE");
        assertThat(first.get("severity").stringValue()).isEqualTo("error");
        assertThat(first.get("cells").get(0).stringValue()).isEqualTo("s3.received.subtotal");
        for (String line : lines) {
            assertThat(JSON.readTree(line).isObject()).isTrue();
        }
        assertThat(code).isEqualTo(ReportCli.ERRORS_FOUND);
    }

    @Test
    void checkAcceptsAPreviousYearAndExitsZeroWithoutErrors() throws Exception {
        AnnualReport seed = SeedReport.report();
        Path current = file("2021.json", CanonicalJson.writeBytes(seed));
        Path previous = file(
                "2020.json",
                CanonicalJson.writeBytes(seed.toBuilder().year(2020).build()));

        int code = run("check", current.toString(), "--previous", previous.toString());

        assertThat(stderr()).isEmpty();
        assertThat(code).isIn(ReportCli.OK, ReportCli.ERRORS_FOUND);
        boolean errors = stdout().lines().anyMatch(l -> l.contains("\"severity\":\"error\""));
        assertThat(code).isEqualTo(errors ? ReportCli.ERRORS_FOUND : ReportCli.OK);
    }

    @Test
    void exitsTwoWithAReasonInBothLanguagesWhenTheInputIsNoReport() throws Exception {
        Path broken = file("broken.json", "{\"format\": ".getBytes(StandardCharsets.UTF_8));

        assertThat(run("check", broken.toString())).isEqualTo(ReportCli.UNREADABLE);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("无法读取为年度报告（DAMAGED）", "cannot read as an annual report (DAMAGED)");
    }

    @Test
    void exitsTwoForAMissingFile() {
        assertThat(run("parse", dir.resolve("nothing.pdf").toString())).isEqualTo(ReportCli.UNREADABLE);
        assertThat(stderr()).contains("NO_SUCH_FILE", "文件不存在");
    }

    @Test
    void listsTheRuleCatalogue() {
        assertThat(run("rules")).isZero();

        List<String> lines = stdout().lines().toList();
        assertThat(lines)
                .hasSize(RuleId.values().length)
                .contains(
                        "{\"id\":\"S3_BALANCE\",\"severity\":\"error\"}",
                        "{\"id\":\"PUBLISHED_LATE\",\"severity\":\"compliance\"}");
    }

    @Test
    void printsUsageAndExitsTwoOnBadArguments() {
        for (String[] args : List.of(
                new String[] {},
                new String[] {"frobnicate"},
                new String[] {"parse"},
                new String[] {"render", "x.json"},
                new String[] {"render", "x.json", "--to", "pdf"},
                new String[] {"check", "x", "--previous"},
                new String[] {"check", "x", "--bogus"},
                new String[] {"parse", "a", "b"},
                new String[] {"rules", "extra"})) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ReportCli.UNREADABLE);
            assertThat(stderr()).as(String.join(" ", args)).contains("usage: report-cli");
        }
        assertThat(stdout()).isEmpty();
    }
}
