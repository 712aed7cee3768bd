package dev.gongkai.report.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.BatchSummary;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.rules.Finding;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch check on the real corpus ({@code fixtures/real/reports}, as copied from {@code ../shared/fixtures/real/}), against
 * its verified truth ({@code fixtures/real/truth.json}): which file is which agency and year, which file is whose previous
 * year, and the cross-year findings the published numbers call for.
 */
class BatchCheckCorpusTest {

    /** One entry of truth.json: its number cells (the fee's decimal string as a number) and how many cells in all. */
    private record Truth(
            String file, String agency, int year, ReportFormat format, Map<String, BigDecimal> cells, int size) {}

    private static Path city;
    private static Map<String, Truth> truth;
    private static List<ReportLine> lines;

    @BeforeAll
    static void checkTheCity() throws Exception {
        city = Path.of(
                BatchCheckCorpusTest.class.getResource("/fixtures/real/reports").toURI());
        truth = new HashMap<>();
        JsonNode all = JsonMapper.builder().build().readTree(Files.readAllBytes(city.resolveSibling("truth.json")));
        for (JsonNode entry : all) {
            Map<String, BigDecimal> cells = new HashMap<>();
            entry.get("cells").properties().forEach(cell -> {
                if (cell.getValue().isNumber()) {
                    cells.put(cell.getKey(), cell.getValue().decimalValue());
                } else if (cell.getValue().asString().matches("-?\\d+(\\.\\d+)?")) {
                    cells.put(cell.getKey(), new BigDecimal(cell.getValue().asString()));
                }
            });
            truth.put(
                    entry.get("file").stringValue(),
                    new Truth(
                            entry.get("file").stringValue(),
                            entry.get("agency").stringValue(),
                            entry.get("year").intValue(),
                            ReportFormat.ofCode(entry.get("format").asString()),
                            cells,
                            entry.get("cells").size()));
        }
        lines = BatchCheck.check(List.of(city));
    }

    private static String name(String file) {
        return Path.of(file).getFileName().toString();
    }

    @Test
    void oneLinePerFileWithTheAgencyYearAndFormatOfTheTruth() {
        assertThat(lines)
                .extracting(line -> name(line.file()))
                .containsExactlyElementsOf(new TreeSet<>(truth.keySet()));
        for (ReportLine line : lines) {
            Truth expected = truth.get(name(line.file()));
            assertThat(line.isReport()).as(line.file()).isTrue();
            assertThat(line.agency()).as(line.file()).isEqualTo(expected.agency());
            assertThat(line.year()).as(line.file()).isEqualTo(expected.year());
            assertThat(line.format()).as(line.file()).isEqualTo(expected.format());
        }
    }

    @Test
    void eachReportFindsTheSameAgencysYearBeforeWithoutBeingTold() {
        for (ReportLine line : lines) {
            Truth self = truth.get(name(line.file()));
            List<String> before = sameAgency(self, self.year() - 1);
            List<String> sameYear = new ArrayList<>(sameAgency(self, self.year()));
            sameYear.remove(self.file());
            if (before.isEmpty()) {
                assertThat(line.previousFile()).as(line.file()).isNull();
            } else {
                assertThat(line.previousFile()).as(line.file()).isNotNull();
                assertThat(name(line.previousFile())).as(line.file()).isIn(before);
            }
            assertThat(line.sameYearFiles())
                    .as(line.file())
                    .extracting(BatchCheckCorpusTest::name)
                    .containsExactlyInAnyOrderElementsOf(sameYear);
        }
        // 三明 for seven years (six links), 莆田 城管 2021 → 2022 and 应急 2019 → 2020.
        assertThat(lines)
                .filteredOn(line -> line.previousFile() != null)
                .extracting(line -> name(line.file()))
                .containsExactly(
                        "002_sanming_2020.txt",
                        "003_sanming_2021.txt",
                        "004_sanming_2022.txt",
                        "005_sanming_2023.txt",
                        "011_sanming_2024.txt",
                        "012_sanming_2025.txt",
                        "015_putian_yjglj_2020.txt",
                        "016_putian_cgj_2022.txt");
        assertThat(line("016_putian_cgj_2022.txt").previousFile()).endsWith("006_putian_cgj_2021.html");
    }

    @Test
    void theCrossYearFindingsAreThoseThePublishedNumbersCallFor() {
        int pairs = 0;
        for (ReportLine line : lines) {
            if (line.previousFile() == null) {
                continue;
            }
            Truth self = truth.get(name(line.file()));
            Truth previous = truth.get(name(line.previousFile()));
            AnnualReport before = line(name(line.previousFile())).report();
            boolean chained = self.format() == ReportFormat.V2021 && previous.format() == ReportFormat.V2021;
            List<String> rows = chained ? List.of("s2.regulations", "s2.normativeDocuments") : List.of();
            Set<String> involved = new TreeSet<>();
            rows.forEach(row -> involved.addAll(List.of(row + ".issued", row + ".repealed", row + ".inForce")));
            ReportLayout.APPLICANT_COLUMNS.forEach(column -> involved.add("s3.carriedOver." + column.key()));
            // Only where both years' cells were read as published can the findings be the truth's.
            boolean readRight = involved.stream().allMatch(key -> readAs(line.report(), self, key))
                    && rows.stream().allMatch(row -> readAs(before, previous, row + ".inForce"))
                    && ReportLayout.APPLICANT_COLUMNS.stream()
                            .allMatch(column -> readAs(before, previous, "s3.carriedForward." + column.key()));
            if (!readRight) {
                continue;
            }
            Set<String> expected = new TreeSet<>();
            for (String row : rows) {
                BigDecimal chain = previous.cells()
                        .get(row + ".inForce")
                        .add(self.cells().get(row + ".issued"))
                        .subtract(self.cells().get(row + ".repealed"));
                if (chain.compareTo(self.cells().get(row + ".inForce")) != 0) {
                    expected.add("IN_FORCE_CHAIN " + row + ".inForce");
                }
            }
            for (TableColumn column : ReportLayout.APPLICANT_COLUMNS) {
                String key = "s3.carriedOver." + column.key();
                if (previous.cells()
                                .get("s3.carriedForward." + column.key())
                                .compareTo(self.cells().get(key))
                        != 0) {
                    expected.add("CARRY_OVER_MATCH " + key);
                }
            }
            pairs++;
            Set<String> found = new TreeSet<>();
            for (Finding finding : line.findings()) {
                if (finding.rule().equals("IN_FORCE_CHAIN") || finding.rule().equals("CARRY_OVER_MATCH")) {
                    found.add(finding.rule() + " " + finding.cells().getFirst());
                }
            }
            assertThat(found).as(line.file()).isEqualTo(expected);
        }
        assertThat(pairs).as("pairs read as published").isGreaterThanOrEqualTo(3);
        // The truth's notes: 2024 → 2025 of 三明 breaks the chain of 行政规范性文件 (3097 + 350 − 293 ≠ 2604).
        assertThat(line("012_sanming_2025.txt").findings())
                .extracting(Finding::rule)
                .contains("IN_FORCE_CHAIN");
    }

    @Test
    void theSummaryCountsTheLines() {
        BatchSummary summary = BatchCheck.summary(lines);

        assertThat(summary.files()).isEqualTo(16);
        assertThat(summary.reports()).isEqualTo(16);
        assertThat(summary.notReports()).isZero();
        assertThat(summary.withWarnings()).isGreaterThanOrEqualTo(1);
        assertThat(summary.withErrors()).isEqualTo((int)
                lines.stream().filter(line -> line.errors() > 0).count());
        // A report read as published, every cell of its format, has no unreadable cell.
        int exact = 0;
        for (ReportLine line : lines) {
            Truth expected = truth.get(name(line.file()));
            if (line.format() == expected.format()
                    && expected.size() == line.report().layout().cells().size()
                    && expected.cells().keySet().stream().allMatch(key -> readAs(line.report(), expected, key))) {
                exact++;
                assertThat(line.unreadableCells()).as(line.file()).isZero();
            }
        }
        assertThat(exact).as("reports read as published").isGreaterThanOrEqualTo(4);
        assertThat(summary.unreadableCells())
                .isEqualTo(lines.stream().mapToLong(ReportLine::unreadableCells).sum());
    }

    @Test
    void theRealFolderInMemoryGivesTheSameLines() throws Exception {
        List<Document> documents = new ArrayList<>();
        try (var files = Files.list(city)) {
            for (Path file : files.sorted().toList()) {
                documents.add(new Document(file.toString(), Files.readAllBytes(file)));
            }
        }
        assertThat(documents).hasSize(16);

        assertThat(BatchCheck.checkDocuments(documents)).isEqualTo(lines);
    }

    private static ReportLine line(String name) {
        return lines.stream()
                .filter(line -> name(line.file()).equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> sameAgency(Truth self, int year) {
        return truth.values().stream()
                .filter(t -> BatchCheck.agencyKey(t.agency()).equals(BatchCheck.agencyKey(self.agency())))
                .filter(t -> t.year() == year)
                .map(Truth::file)
                .toList();
    }

    private static boolean readAs(AnnualReport report, Truth truth, String key) {
        BigDecimal published = truth.cells().get(key);
        Optional<BigDecimal> read = report.number(key);
        return published != null && read.isPresent() && read.get().compareTo(published) == 0;
    }
}
