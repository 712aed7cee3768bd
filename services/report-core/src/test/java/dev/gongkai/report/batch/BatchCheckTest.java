package dev.gongkai.report.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.BatchSummary;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.render.CanonicalJson;
import dev.gongkai.report.render.SeedReport;
import dev.gongkai.report.rules.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCheckTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static byte[] json(AnnualReport report) {
        return CanonicalJson.writeBytes(report);
    }

    private static AnnualReport seed(int year, String agency) {
        return SeedReport.report().toBuilder().year(year).agency(agency).build();
    }

    private static List<String> rules(ReportLine line) {
        return line.findings().stream().map(Finding::rule).toList();
    }

    private static ReportLine line(List<ReportLine> lines, String suffix) {
        return lines.stream()
                .filter(line -> line.file().endsWith(suffix))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void findsConsecutiveYearsOfOneAgencyByItselfAndPutsTheCrossYearFindingsOnTheLaterYear() throws Exception {
        // Names and folders say nothing about the years; the agency is written three ways.
        write("z/first.json", json(seed(2021, "乌海市公安局")));
        write(
                "a.json",
                json(seed(2022, "乌海市 公安局").toBuilder()
                        .cell("s3.carriedOver.naturalPerson", 2) // 2021 carried forward 0
                        .cell("s2.normativeDocuments.inForce", 40) // 21 + 19 - 0
                        .build()));
        write(
                "m/n/last.json",
                json(seed(2023, "乌海市公安局\u3000").toBuilder()
                        .cell("s2.normativeDocuments.inForce", 50) // 40 + 19 - 0 = 59
                        .build()));
        write(
                "other.json",
                json(seed(2022, "乌海市财政局").toBuilder()
                        .cell("s3.carriedOver.naturalPerson", 7)
                        .cell("s2.normativeDocuments.inForce", 1)
                        .build()));

        List<ReportLine> lines = BatchCheck.check(List.of(dir), 2);

        assertThat(lines)
                .extracting(ReportLine::file)
                .containsExactly(
                        dir.resolve("a.json").toString(),
                                dir.resolve("m/n/last.json").toString(),
                        dir.resolve("other.json").toString(),
                                dir.resolve("z/first.json").toString());
        ReportLine first = line(lines, "first.json");
        ReportLine second = line(lines, "a.json");
        ReportLine third = line(lines, "last.json");
        assertThat(first.previousFile()).isNull();
        assertThat(rules(first)).doesNotContain("CARRY_OVER_MATCH", "IN_FORCE_CHAIN", "PROBLEMS_COPIED");
        assertThat(second.previousFile()).isEqualTo(first.file());
        assertThat(rules(second)).contains("CARRY_OVER_MATCH").doesNotContain("IN_FORCE_CHAIN");
        assertThat(third.previousFile()).isEqualTo(second.file());
        assertThat(rules(third)).contains("IN_FORCE_CHAIN").doesNotContain("CARRY_OVER_MATCH");
        assertThat(third.findings())
                .filteredOn(f -> f.rule().equals("IN_FORCE_CHAIN"))
                .singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("2022 年现行有效 40", "= 59"));
        ReportLine other = line(lines, "other.json");
        assertThat(other.previousFile()).isNull();
        assertThat(rules(other)).doesNotContain("CARRY_OVER_MATCH", "IN_FORCE_CHAIN");
    }

    @Test
    void aYearHeldTwiceUsesTheFullerReportAndEachNamesTheOther() throws Exception {
        AnnualReport full = seed(2021, "乌海市公安局");
        AnnualReport.Builder partial = full.toBuilder();
        full.cells().keySet().stream().filter(key -> key.startsWith("s4.")).forEach(partial::absent);
        write(
                "2021-dump.json",
                json(partial.cell("s2.normativeDocuments.inForce", 1).build()));
        write("2021-page.json", json(full));
        write(
                "2022.json",
                json(seed(2022, "乌海市公安局").toBuilder()
                        .cell("s2.normativeDocuments.inForce", 40)
                        .build()));

        List<ReportLine> lines = BatchCheck.check(List.of(dir), 1);

        assertThat(line(lines, "2022.json").previousFile()).endsWith("2021-page.json");
        assertThat(rules(line(lines, "2022.json"))).doesNotContain("IN_FORCE_CHAIN");
        assertThat(line(lines, "2021-dump.json").sameYearFiles())
                .singleElement()
                .asString()
                .endsWith("2021-page.json");
        assertThat(line(lines, "2021-page.json").sameYearFiles())
                .singleElement()
                .asString()
                .endsWith("2021-dump.json");
        assertThat(line(lines, "2021-dump.json").unreadableCells()).isEqualTo((int) full.cells().keySet().stream()
                .filter(key -> key.startsWith("s4."))
                .count());
        assertThat(line(lines, "2021-page.json").unreadableCells()).isZero();
    }

    @Test
    void aFileThatIsNoReportGetsItsLineWithTheReasonAndTheBatchGoesOn() throws Exception {
        write("broken.json", "{\"format\": ".getBytes(StandardCharsets.UTF_8));
        write("notes.txt", "会议纪要\n".getBytes(StandardCharsets.UTF_8));
        write("report.json", json(SeedReport.report()));
        write(".hidden/ignored.json", json(SeedReport.report()));
        write("Thumbs.db", new byte[] {1, 2, 3});

        List<ReportLine> lines = BatchCheck.check(List.of(dir, dir.resolve("missing.pdf")), 2);

        assertThat(lines)
                .extracting(line ->
                        dir.relativize(Path.of(line.file().replace("!/", "/"))).toString())
                .containsExactly("broken.json", "notes.txt", "report.json", "missing.pdf");
        assertThat(line(lines, "broken.json").notRead().code()).isEqualTo("DAMAGED");
        assertThat(line(lines, "notes.txt").notRead().code()).isEqualTo("NOT_A_REPORT");
        assertThat(line(lines, "missing.pdf").notRead().code()).isEqualTo("NO_SUCH_FILE");
        assertThat(line(lines, "missing.pdf").notRead().messageZh()).contains("文件不存在");
        assertThat(line(lines, "report.json").isReport()).isTrue();
        assertThat(line(lines, "report.json").errors()).isZero();
        assertThat(BatchCheck.summary(lines))
                .isEqualTo(
                        new BatchSummary(4, 1, 3, 0, line(lines, "report.json").warnings() > 0 ? 1 : 0, 0));
    }

    @Test
    void readsZipArchivesWithGbkAndUtf8NamesAndArchivesInsideThem() throws Exception {
        byte[] inner = zip(StandardCharsets.UTF_8, Map.of("2022/乌海市公安局.json", json(seed(2022, "乌海市公安局"))));
        // Chinese Windows: GBK names without the UTF-8 flag.
        write(
                "gbk.zip",
                zip(
                        Charset.forName("GBK"),
                        Map.of(
                                "年报/乌海市公安局2021.json",
                                json(SeedReport.report()),
                                "年报/更早.zip",
                                inner,
                                "__MACOSX/年报/._乌海市公安局2021.json",
                                new byte[] {0})));
        // Linux and macOS tools: UTF-8 names without the flag.
        String utf8Unflagged = new String("报告/财政局.json".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        write("utf8.zip", zip(StandardCharsets.ISO_8859_1, Map.of(utf8Unflagged, json(seed(2021, "乌海市财政局")))));

        List<ReportLine> lines = BatchCheck.check(List.of(dir.resolve("gbk.zip"), dir.resolve("utf8.zip")), 2);

        String gbk = dir.resolve("gbk.zip").toString();
        assertThat(lines)
                .extracting(ReportLine::file)
                .containsExactly(
                        gbk + "!/年报/乌海市公安局2021.json",
                        gbk + "!/年报/更早.zip!/2022/乌海市公安局.json",
                        dir.resolve("utf8.zip") + "!/报告/财政局.json");
        assertThat(lines).allSatisfy(line -> assertThat(line.isReport()).isTrue());
        assertThat(lines.get(1).previousFile()).isEqualTo(lines.get(0).file());
        assertThat(lines.get(2).agency()).isEqualTo("乌海市财政局");
    }

    @Test
    void anOfficeDocumentIsAZipButNotAnArchive() throws Exception {
        Path docx = write(
                "report.docx",
                zip(
                        StandardCharsets.UTF_8,
                        Map.of(
                                "[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                                "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8))));
        Path archive = write("city.zip", zip(StandardCharsets.UTF_8, Map.of("a.json", json(SeedReport.report()))));

        assertThat(BatchCheck.holdsSeveral(docx)).isFalse();
        assertThat(BatchCheck.holdsSeveral(archive)).isTrue();
        assertThat(BatchCheck.holdsSeveral(dir)).isTrue();
        List<ReportLine> lines = BatchCheck.check(List.of(docx), 1);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.file()).isEqualTo(docx.toString());
            assertThat(line.isReport()).isFalse();
        });
    }

    @Test
    void groupsAgenciesByTheirNormalisedName() {
        assertThat(BatchCheck.agencyKey("三明市人民政府")).isEqualTo(BatchCheck.agencyKey("三明市"));
        assertThat(BatchCheck.agencyKey(" 乌海市　公安局 ")).isEqualTo(BatchCheck.agencyKey("乌海市公安局"));
        assertThat(BatchCheck.agencyKey("莆田市（城市管理局）")).isEqualTo(BatchCheck.agencyKey("莆田市(城市管理局)"));
        assertThat(BatchCheck.agencyKey("莆田市人民政府办公室")).isNotEqualTo(BatchCheck.agencyKey("莆田市"));
        assertThat(BatchCheck.agencyKey("人民政府")).isEqualTo("人民政府");
    }

    @Test
    void theSameLinesOnOneThreadAndOnSeveral() throws Exception {
        for (int year = 2019; year <= 2025; year++) {
            write(
                    "y" + (3000 - year) + ".json",
                    json(seed(year, "乌海市公安局").toBuilder()
                            .cell("s2.normativeDocuments.inForce", year)
                            .build()));
        }
        List<ReportLine> one = BatchCheck.check(List.of(dir), 1);
        List<ReportLine> four = BatchCheck.check(List.of(dir), 4);

        assertThat(four).isEqualTo(one);
        assertThat(one).filteredOn(line -> line.previousFile() != null).hasSize(6);
    }

    @Test
    void documentsInMemoryGiveTheLinesOfTheSameFilesOnDisk() throws Exception {
        byte[] inner = zip(
                StandardCharsets.UTF_8,
                Map.of(
                        "2022/乌海市公安局.json",
                        json(seed(2022, "乌海市公安局").toBuilder()
                                .cell("s3.carriedOver.naturalPerson", 2)
                                .build())));
        write("2021.json", json(seed(2021, "乌海市公安局")));
        write("more.zip", inner);
        write("notes.txt", "会议纪要\n".getBytes(StandardCharsets.UTF_8));
        List<Document> documents = new java.util.ArrayList<>();
        for (String name : List.of("2021.json", "more.zip", "notes.txt")) {
            documents.add(new Document(dir.resolve(name).toString(), Files.readAllBytes(dir.resolve(name))));
        }
        List<ReportLine> fromMemory = BatchCheck.checkDocuments(documents, 2);

        assertThat(fromMemory).isEqualTo(BatchCheck.check(List.of(dir), 2));
        assertThat(fromMemory)
                .extracting(ReportLine::file)
                .containsExactly(
                        dir.resolve("2021.json").toString(),
                        dir.resolve("more.zip") + "!/2022/乌海市公安局.json",
                        dir.resolve("notes.txt").toString());
        assertThat(fromMemory.get(1).previousFile()).isEqualTo(fromMemory.get(0).file());
        assertThat(rules(fromMemory.get(1))).contains("CARRY_OVER_MATCH");
    }

    @Test
    void archivesInsideArchivesShareOneBudgetAndOnePastItIsALineNotTheBatchsEnd() throws Exception {
        Map<String, byte[]> many = new java.util.TreeMap<>();
        for (int i = 0; i <= Archives.Limits.IN_MEMORY.entries(); i++) {
            many.put("f" + i + ".txt", new byte[] {'x'});
        }
        byte[] crowded = zip(StandardCharsets.UTF_8, many);
        // Deflated zeros: a few hundred kilobytes that inflate past one file's bound.
        byte[] bomb = zip(
                StandardCharsets.UTF_8,
                Map.of("zeros.txt", new byte[(int) Archives.Limits.IN_MEMORY.entryBytes() + 1]));
        assertThat(bomb.length).isLessThan(1024 * 1024);

        List<ReportLine> lines = BatchCheck.checkDocuments(
                List.of(
                        new Document("crowded.zip", crowded),
                        new Document("bomb.zip", bomb),
                        new Document("report.json", json(SeedReport.report()))),
                2);

        assertThat(lines).extracting(ReportLine::file).containsExactly("crowded.zip", "bomb.zip", "report.json");
        for (ReportLine refused : lines.subList(0, 2)) {
            assertThat(refused.notRead().code()).isEqualTo("ARCHIVE_TOO_LARGE");
            assertThat(refused.notRead().messageZh()).contains("64 MB", "256 MB", "1000 个文件");
            assertThat(refused.notRead().messageEn()).contains("64 MB", "256 MB", "1000 files");
        }
        assertThat(lines.get(2).isReport()).isTrue();
    }

    @Test
    void theBudgetIsForTheWholeBatchNotEachArchive() throws Exception {
        // Four archives of 300 files each: every one within the bounds, together past the batch's 1000 files.
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (int i = 0; i < 300; i++) {
            files.put("f" + i + ".txt", new byte[] {'x'});
        }
        byte[] part = zip(StandardCharsets.UTF_8, files);
        List<Document> documents = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            documents.add(new Document("part" + i + ".zip", part));
        }

        List<ReportLine> lines = BatchCheck.checkDocuments(documents, 1);

        assertThat(lines).hasSize(3 * 300 + 1);
        assertThat(lines.subList(0, 900))
                .allSatisfy(line -> assertThat(line.file()).contains(".zip!/f"));
        assertThat(lines.getLast().file()).isEqualTo("part3.zip");
        assertThat(lines.getLast().notRead().code()).isEqualTo("ARCHIVE_TOO_LARGE");
    }

    @Test
    void theArchiveThatMeetsTheBudgetsEndIsTheLaterOneWhateverTheThreads() throws Exception {
        // Two archives of 600 files each: either fits the batch's 1000 files, both do not. The first is slow to load,
        // so the second thread reaches its archive first; the budget still goes in the files' order.
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (int i = 0; i < 600; i++) {
            files.put("f" + i + ".txt", new byte[] {'x'});
        }
        byte[] part = zip(StandardCharsets.UTF_8, files);
        Sources.Source slow = new Sources.Source("a.zip", () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return part;
        });
        Sources.Source quick = Sources.of("b.zip", part);

        List<ReportLine> lines;
        try (Sources sources = new Sources()) {
            lines = BatchCheck.check(sources, List.of(slow, quick), 2);
        }

        assertThat(lines).hasSize(601);
        assertThat(lines.subList(0, 600))
                .allSatisfy(line -> assertThat(line.file()).startsWith("a.zip!/f"));
        assertThat(lines.getLast().file()).isEqualTo("b.zip");
        assertThat(lines.getLast().notRead().code()).isEqualTo("ARCHIVE_TOO_LARGE");
    }

    @Test
    void unzipsWithinItsLimitsDecodingNamesAndSkippingLitter() throws Exception {
        byte[] archive = zip(
                Charset.forName("GBK"),
                Map.of("年报/公安局.txt", new byte[10], "__MACOSX/年报/._公安局.txt", new byte[1], "年报/财政局.txt", new byte[10]));

        assertThat(Archives.unzip(new java.io.ByteArrayInputStream(archive), new Archives.Limits(3, 10, 20)))
                .extracting(Document::name)
                .containsExactly("年报/公安局.txt", "年报/财政局.txt");
        assertThat(tooLarge(archive, new Archives.Limits(2, 10, 20))).satisfies(e -> {
            assertThat(e.bound()).isEqualTo(Archives.Bound.ENTRIES);
            assertThat(e.entry()).isNull();
        });
        assertThat(tooLarge(archive, new Archives.Limits(3, 9, 20))).satisfies(e -> {
            assertThat(e.bound()).isEqualTo(Archives.Bound.ENTRY_BYTES);
            assertThat(e.entry()).isEqualTo("年报/公安局.txt");
        });
        assertThat(tooLarge(archive, new Archives.Limits(3, 10, 19))).satisfies(e -> {
            assertThat(e.bound()).isEqualTo(Archives.Bound.TOTAL_BYTES);
            assertThat(e.entry()).isEqualTo("年报/财政局.txt");
        });
        assertThat(Archives.unzip(
                        new java.io.ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)),
                        Archives.Limits.IN_MEMORY))
                .isEmpty();
    }

    private static Archives.TooLarge tooLarge(byte[] archive, Archives.Limits limits) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                Archives.TooLarge.class, () -> Archives.unzip(new java.io.ByteArrayInputStream(archive), limits));
    }

    private static byte[] zip(Charset names, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, names)) {
            for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
