package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gongkai.report.labels.Labels;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.model.TableRow;
import dev.gongkai.report.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table 四 of real reports as a portal's plain text gives it: its 15 values glued into one run of digits, on a line
 * of their own or after the header words glued too. The digits are cut where the totals of the three groups (结果维持
 * + 结果纠正 + 其他结果 + 尚未审结 = 总计) admit exactly one split; where several fit, the cells the splits agree on
 * are read and the others are named unreadable with the splits listed, never guessed.
 */
class GluedTableFourTest {

    /** The 三明 dumps that keep every cell (one per line), with table 四 all zero, sparse and full. */
    static Stream<String> files() {
        return Stream.of(
                "001_sanming_2019.txt",
                "002_sanming_2020.txt",
                "004_sanming_2022.txt",
                "005_sanming_2023.txt",
                "011_sanming_2024.txt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void digitsGluedOnALineOfTheirOwnAreCutByTheGroupTotals(String file) throws Exception {
        String text = text(file);
        AnnualReport published = ReportReader.read(bytes(text)).report();

        ImportResult glued = ReportReader.read(bytes(glued(text, false)));

        assertThat(glued.report()).isEqualTo(published);
        assertThat(glued.findings())
                .filteredOn(finding -> finding.cells().stream().anyMatch(key -> key.startsWith("s4.")))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theWholeTableOnOneLineHeaderWordsAndDigitsIsReadToo(String file) throws Exception {
        String text = text(file);
        AnnualReport published = ReportReader.read(bytes(text)).report();

        ImportResult glued = ReportReader.read(bytes(glued(text, true)));

        assertThat(glued.report()).isEqualTo(published);
    }

    @Test
    void whereTwoSplitsAddUpTheCellsTheyDisagreeOnAreUnreadableWithBothSplitsListed() throws Exception {
        // 三明 2025: 行政复议 11 5 2 2 20 glues to "11522 20…", which 1 + 15 + 2 + 2 = 20 fits as well
        String text = text("012_sanming_2025.txt");
        AnnualReport published = ReportReader.read(bytes(text)).report();
        assertThat(digits(text)).isEqualTo("11522202000270029");

        for (boolean withHeader : List.of(false, true)) {
            ImportResult glued = ReportReader.read(bytes(glued(text, withHeader)));

            List<String> disputed = List.of("s4.review.upheld", "s4.review.corrected");
            AnnualReport report = glued.report();
            for (String key : tableFour()) {
                if (disputed.contains(key)) {
                    assertThat(report.cells()).as(key).doesNotContainKey(key);
                } else {
                    assertThat(report.cells().get(key))
                            .as(key)
                            .isEqualTo(published.cells().get(key));
                }
            }
            Finding finding = glued.findings().stream()
                    .filter(f -> f.cells().containsAll(disputed))
                    .findFirst()
                    .orElseThrow();
            assertThat(finding.cells()).containsExactlyInAnyOrderElementsOf(disputed);
            assertThat(finding.messageZh())
                    .contains(
                            "数值连写成一串数字（11522202000270029）",
                            "可读作2种",
                            "(11, 5, 2, 2, 20",
                            "(1, 15, 2, 2, 20",
                            Labels.cell("s4.review.upheld", Locale.CHINA),
                            Labels.cell("s4.review.corrected", Locale.CHINA));
            assertThat(finding.messageEn())
                    .contains("values run together as one number (11522202000270029)", "2 ways")
                    .doesNotContain("s4.");
            assertThat(finding.messageZh()).doesNotContain("s4.");
        }
    }

    @Test
    void aCompiledReportsLargerCountsAreCutInTimeOneSplitReadSeveralListed() throws Exception {
        // 23 digits have 319,770 cuts into 15 numbers; the group totals leave one
        String text = withTableFour(text("012_sanming_2025.txt"), "45 12 3 8 68 30 5 2 10 47 20 3 1 5 29");
        AnnualReport published = ReportReader.read(bytes(text)).report();
        assertThat(published.number("s4.review.upheld"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("45"));

        ImportResult glued =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ReportReader.read(bytes(glued(text, false))));

        assertThat(glued.report()).isEqualTo(published);

        // 31 digits, 145 million cuts: 136 41 … and 13 64 117 … both add up to 219
        String larger = withTableFour(text, "136 41 17 25 219 88 23 9 31 151 57 14 6 20 97");
        ImportResult ambiguous =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ReportReader.read(bytes(glued(larger, true))));

        List<String> disputed = List.of("s4.review.upheld", "s4.review.corrected", "s4.review.other");
        assertThat(ambiguous.report().cells()).doesNotContainKeys(disputed.toArray(String[]::new));
        assertThat(ambiguous.report().number("s4.review.total"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("219"));
        assertThat(ambiguous.report().number("s4.litigationAfterReview.total"))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("97"));
        assertThat(ambiguous.findings())
                .filteredOn(f -> f.cells().equals(disputed))
                .singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("(136, 41, 17, 25, 219", "(13, 64, 117, 25, 219"));
    }

    @Test
    void aLongNumberInASentenceOfTheSectionIsNotTakenForTheTable() throws Exception {
        String text = text("005_sanming_2023.txt");
        AnnualReport published = ReportReader.read(bytes(text)).report();
        String title = "四、政府信息公开行政复议、行政诉讼情况\n";
        String withSentence = text.replace(title, title + "复议案件统一编号为202312345678901234\n");
        assertThat(withSentence).isNotEqualTo(text);

        assertThat(ReportReader.read(bytes(withSentence)).report()).isEqualTo(published);
    }

    @Test
    void digitsThatNoSplitAddsUpAreUnreadableNotFilledIn() throws Exception {
        String text = text("005_sanming_2023.txt");
        // one digit too many: "101465002710001" with a stray 9 in the middle group
        String damaged = glued(text, false).replace("101465002710001", "1014650092710001");

        ImportResult result = ReportReader.read(bytes(damaged));

        assertThat(result.report().cells().keySet()).noneMatch(key -> key.startsWith("s4."));
        assertThat(result.findings())
                .anySatisfy(finding ->
                        assertThat(finding.messageZh()).contains("数值连写成一串数字（1014650092710001）", "无法按表格的合计关系拆成15个数值"));
        assertThat(result.findings().stream().flatMap(f -> f.cells().stream()).collect(Collectors.toSet()))
                .containsAll(tableFour());
    }

    // ---- helpers

    private static List<String> tableFour() {
        List<String> keys = new ArrayList<>();
        for (TableRow row : ReportFormat.V2021.layout().table(Section.S4).rows()) {
            for (TableColumn column : row.columns()) {
                keys.add(row.cellKey(column));
            }
        }
        return keys;
    }

    private static String text(String file) {
        return new String(HtmlImportTest.resource("/fixtures/real/reports/" + file), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The text with table 四's values (one per line) replaced by {@code values}, in the national order. */
    private static String withTableFour(String text, String values) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int[] range = tableFourLines(lines);
        List<String> out = new ArrayList<>(lines.subList(0, range[0] + 1));
        lines.subList(range[0] + 1, range[1]).stream()
                .filter(line -> !line.strip().matches("\\d+"))
                .forEach(out::add);
        out.addAll(List.of(values.split(" ")));
        out.addAll(lines.subList(range[1], lines.size()));
        return String.join("\n", out) + "\n";
    }

    /** The lines of table 四, from its title to the next section's. */
    private static int[] tableFourLines(List<String> lines) {
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("四、政府信息公开行政复议")) {
                from = i;
            }
        }
        int to = from + 1;
        while (!lines.get(to).startsWith("五、")) {
            to++;
        }
        return new int[] {from, to};
    }

    private static String digits(String text) {
        List<String> lines = text.lines().toList();
        int[] range = tableFourLines(lines);
        return lines.subList(range[0] + 1, range[1]).stream()
                .filter(line -> line.strip().matches("\\d+"))
                .collect(Collectors.joining());
    }

    /**
     * The text with table 四's values (one per line in the dump) glued into one line of digits; with
     * {@code withHeader}, the header words glued in front of them, the whole table one line.
     */
    private static String glued(String text, boolean withHeader) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int[] range = tableFourLines(lines);
        List<String> header = new ArrayList<>();
        StringBuilder digits = new StringBuilder();
        for (String line : lines.subList(range[0] + 1, range[1])) {
            if (line.strip().matches("\\d+")) {
                digits.append(line.strip());
            } else {
                header.add(line);
            }
        }
        List<String> table = withHeader
                ? List.of(String.join("", header) + digits)
                : Stream.concat(header.stream(), Stream.of(digits.toString())).toList();
        List<String> out = new ArrayList<>(lines.subList(0, range[0] + 1));
        out.addAll(table);
        out.addAll(lines.subList(range[1], lines.size()));
        return String.join("\n", out) + "\n";
    }
}
