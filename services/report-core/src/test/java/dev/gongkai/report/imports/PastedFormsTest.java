package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.rules.Finding;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The forms a report's tables arrive in when clerks paste them (cells between TABs, columns aligned with spaces), and
 * the rule that holds in every form: a cell is read, read as blank, or named unreadable with the reason — never
 * given a neighbour's value.
 */
class PastedFormsTest {

    private static ImportResult read(String text) throws UnreadableReportException {
        return ReportReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static AnnualReport seedReport() throws UnreadableReportException {
        return read(TextImportTest.seed()).report();
    }

    @Test
    void readsTheSeedWithItsCellsBetweenTabs() throws Exception {
        ImportResult result = read(TextImportTest.seed().replace('|', '\t'));

        assertThat(result.findings()).isEmpty();
        assertThat(result.report()).isEqualTo(seedReport());
        assertThat(result.report().cells()).hasSize(200);
    }

    @Test
    void readsTheNumberedSeedWithItsColumnsAlignedWithSpaces() throws Exception {
        String numbered = ReportAssemblerTest.numberedSeed();
        StringBuilder aligned = new StringBuilder();
        for (String line : numbered.split("\n", -1)) {
            if (line.contains("|")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.split("\\|")) {
                    if (!cell.isBlank()) {
                        cells.add(String.format("%-12s", cell.strip()));
                    }
                }
                line = String.join("  ", cells).stripTrailing();
            }
            aligned.append(line).append('\n');
        }
        ImportResult result = read(aligned.toString());

        assertThat(result.findings()).extracting(Finding::messageEn).isEmpty();
        assertThat(result.report()).isEqualTo(read(numbered).report());
    }

    @Test
    void gluedCellsAreCutWhereTheArithmeticAdmitsOneSplitAndOtherwiseNamedWithTheirReadings() throws Exception {
        // a portal's plain-text version drops the separators: "行政规范性文件19021", "1.属于国家秘密0000000"
        StringBuilder glued = new StringBuilder();
        for (String line : TextImportTest.seed().split("\n", -1)) {
            glued.append(line.contains("|") ? line.replaceAll("\\s*\\|\\s*", "") : line)
                    .append('\n');
        }
        assertThat(glued.toString()).contains("行政规范性文件19021\n", "1.属于国家秘密0000000\n");
        ImportResult result = read(glued.toString());
        AnnualReport report = result.report();
        AnnualReport seed = seedReport();

        // table 二 has no totals: "19021" fits four splits, and even "规章000"'s one split is only offered
        List<String> ambiguous = List.of(
                "s2.normativeDocuments.issued", "s2.normativeDocuments.repealed", "s2.normativeDocuments.inForce");
        List<String> unconfirmed =
                List.of("s2.regulations.issued", "s2.regulations.repealed", "s2.regulations.inForce");
        assertThat(report.cells()).doesNotContainKeys(ambiguous.toArray(String[]::new));
        assertThat(report.cells()).doesNotContainKeys(unconfirmed.toArray(String[]::new));
        assertThat(report.cells()).hasSize(194);
        assertThat(report.number("s2.fees.amount")).contains(BigDecimal.ZERO);
        assertThat(report.number("s3.denied.stateSecret.total")).contains(BigDecimal.ZERO);
        assertThat(report.number("s4.litigationAfterReview.total")).contains(BigDecimal.ZERO);
        report.cells()
                .forEach((key, value) ->
                        assertThat(value).as(key).isEqualTo(seed.cells().get(key)));
        assertThat(report.blank()).isEmpty();
        Finding finding = result.findings().stream()
                .filter(f -> f.cells().containsAll(ambiguous))
                .findFirst()
                .orElseThrow();
        assertThat(finding.messageEn()).contains("19021", "4 ways", "(19, 0, 21)", "(1, 90, 21)");
        assertThat(result.findings().stream()
                        .filter(f -> f.cells().containsAll(unconfirmed))
                        .findFirst()
                        .orElseThrow()
                        .messageEn())
                .contains("one way that nothing in the table confirms", "(0, 0, 0)");
    }

    @Test
    void aSentenceWithATabOrDoubleSpacesStaysOneParagraph() {
        SourceDocument document = TextExtractor.split("2021年，我局\t共受理申请  5件。\n规章\t0\t0\t0");

        assertThat(document.lines().get(0).cells()).hasSize(1);
        assertThat(document.lines().get(1).cells()).containsExactly("规章", "0", "0", "0");
    }

    @Test
    void aRowThatLostACellInsideTheTableIsUnreadableNotFilledFromTheLeft() throws Exception {
        String numbered = ReportAssemblerTest.numberedSeed();
        int row = numbered.indexOf("3.危及");
        int end = numbered.indexOf('\n', row);
        String line = numbered.substring(row, end);
        // the third of the seven values is lost: which columns the six left belong to is not known
        String damaged = "3.危及“三安全一稳定” | 700 | 701 | 703 | 704 | 705 | 706";
        assertThat(line).startsWith("3.危及“三安全一稳定” | 700 | 701 | 702 | 703 | 704 | 705 | 706");
        ImportResult result = read(numbered.substring(0, row) + damaged + numbered.substring(end));
        AnnualReport report = result.report();

        assertThat(report.cells())
                .doesNotContainKeys(
                        "s3.denied.safetyStability.naturalPerson",
                        "s3.denied.safetyStability.research",
                        "s3.denied.safetyStability.total");
        assertThat(report.blank()).isEmpty();
        List<String> named =
                result.findings().stream().flatMap(f -> f.cells().stream()).toList();
        assertThat(named).contains("s3.denied.safetyStability.naturalPerson", "s3.denied.safetyStability.total");
        assertThat(messages(result)).contains("3.危及“三安全一稳定”", "700 701 703 704 705 706");
        // the rows around it are read as written
        assertThat(report.number("s3.denied.lawProhibited.total")).contains(BigDecimal.valueOf(606));
        assertThat(report.number("s3.denied.thirdPartyRights.naturalPerson")).contains(BigDecimal.valueOf(800));
    }

    @Test
    void aCollapsedDumpRowIsReadOnlyWhereTheArithmeticAdmitsOneReading() throws Exception {
        // A dump that dropped repeated lines: "8 0 8" can only be 8,0,0,0,0,0,8 (the total is the sum);
        // "0 1 0 1" fits four readings (the 1 under 商业企业, 科研机构, 社会公益组织 or 法律服务机构).
        String text = String.join(
                "\n",
                "某局2021年政府信息公开工作年度报告",
                "一、总体情况",
                "概述。",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "一、本年新收政府信息公开申请数量",
                "8",
                "0",
                "8",
                "二、上年结转政府信息公开申请数量",
                "0",
                "三、本年度办理结果",
                "（一）予以公开",
                "0",
                "1",
                "0",
                "1",
                "四、结转下年度继续办理",
                "0",
                "四、政府信息公开行政复议、行政诉讼情况",
                "0",
                "五、存在的主要问题及改进情况",
                "无。",
                "六、其他需要报告的事项",
                "无。");
        ImportResult result = read(text);
        AnnualReport report = result.report();

        assertThat(report.number("s3.received.naturalPerson")).contains(BigDecimal.valueOf(8));
        assertThat(report.number("s3.received.research")).contains(BigDecimal.ZERO);
        assertThat(report.number("s3.received.total")).contains(BigDecimal.valueOf(8));
        assertThat(report.number("s3.granted.naturalPerson")).contains(BigDecimal.ZERO);
        assertThat(report.number("s3.granted.otherOrg")).contains(BigDecimal.ZERO);
        assertThat(report.number("s3.granted.total")).contains(BigDecimal.ONE);
        assertThat(report.cells())
                .doesNotContainKeys(
                        "s3.granted.commercial",
                        "s3.granted.research",
                        "s3.granted.publicInterest",
                        "s3.granted.legalService");
        assertThat(report.blank()).isEmpty();
        assertThat(messages(result)).contains("（一）予以公开", "4 ways", "(0, 0, 1, 0, 0, 0, 1)");
        assertThat(report.number("s4.review.total")).contains(BigDecimal.ZERO);
        assertThat(report.number("s4.litigationAfterReview.upheld")).contains(BigDecimal.ZERO);
    }

    private static String messages(ImportResult result) {
        return result.findings().stream()
                .map(f -> f.messageZh() + " / " + f.messageEn())
                .collect(Collectors.joining("\n"));
    }
}
