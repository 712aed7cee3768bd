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
        String shortRow = seed.replace("(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||",
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
        String short4 = seed.replace("0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
        assertThat(short4).isNotEqualTo(seed);

        List<Finding> findings = findingsOf(short4);

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.cells()).contains("s4.review.upheld");
            assertThat(f.messageZh()).contains("行政复议").contains("结果维持");
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
