package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the importer says about a cell it could not read is read by a clerk: it names the cell as the table does
 * ("三、(二)部分公开…" ) in both languages, never by its key ({@code s3.partiallyGranted.other}).
 */
class FindingWordsTest {

    private static final Pattern CELL_KEY = Pattern.compile("\\b(s[1-6]|h[0-9])\\.[a-zA-Z]");

    private static List<Finding> findingsOf(String text) throws UnreadableReportException {
        return ReportReader.read(text.getBytes(StandardCharsets.UTF_8)).findings();
    }

    @Test
    void aShortRowNamesTheMissingCellsByTheTablesWords() throws Exception {
        String seed = TextImportTest.seed();
        String shortRow = seed.replace(
                "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||",
                "(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 |");
        assertThat(shortRow).isNotEqualTo(seed);

        List<Finding> findings = findingsOf(shortRow);

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.cells()).isNotEmpty();
            assertThat(f.messageZh()).contains("部分公开").contains("总计");
            assertThat(f.messageEn()).contains("部分公开");
        });
        assertNoCellKeys(findings);
    }

    @Test
    void aMissingTable4NamesItsCellsByTheTablesWords() throws Exception {
        String seed = TextImportTest.seed();
        String short4 = seed.replace(
                "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
        assertThat(short4).isNotEqualTo(seed);

        List<Finding> findings = findingsOf(short4);

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.cells()).contains("s4.review.upheld");
            assertThat(f.messageZh()).contains("行政复议").contains("结果维持");
        });
        assertNoCellKeys(findings);
    }

    @Test
    void aCollapsedRowOfARealDumpSaysWhyItHasTwoReadingsAndNamesTheCellLeftToTheClerk() throws Exception {
        // 莆田 应急管理局 2020: "行政处罚" / "135" / "0" for three cells, in a dump that writes repeated lines once
        List<Finding> findings = findingsOf(new String(
                HtmlImportTest.resource("/fixtures/real/reports/015_putian_yjglj_2020.txt"), StandardCharsets.UTF_8));

        assertThat(findings)
                .filteredOn(f -> f.cells().equals(List.of("s2v2019.penalties.change"))
                        && f.rule().equals("STRUCTURE"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.messageZh())
                            .contains(
                                    "“行政处罚”写有2个数值（135 0）",
                                    "相邻重复行只留一行，一个数值可能代表几个相同的单元格",
                                    "可读作2种：(135, 0, 0) (135, 135, 0)",
                                    "第二十条第(六)项 行政处罚 · 本年增/减");
                    assertThat(f.messageEn())
                            .contains(
                                    "writes lines repeated one after another once",
                                    "2 ways: (135, 0, 0) (135, 135, 0)");
                });
        assertNoCellKeys(findings);
    }

    private static void assertNoCellKeys(List<Finding> findings) {
        assertThat(findings).allSatisfy(f -> {
            assertThat(CELL_KEY.matcher(f.messageZh()).find()).as(f.messageZh()).isFalse();
            assertThat(CELL_KEY.matcher(f.messageEn()).find()).as(f.messageEn()).isFalse();
        });
    }
}
