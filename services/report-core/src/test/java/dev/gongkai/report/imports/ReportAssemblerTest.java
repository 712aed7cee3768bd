package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.model.TableRow;
import dev.gongkai.report.rules.Finding;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The variants published reports come in, each derived from the seed fixture: the seed's table 三 and 四 zeros are
 * first replaced by distinct numbers ({@link #numberedSeed()}), so a value read into the wrong cell shows.
 */
class ReportAssemblerTest {

    private static final ReportLayout V2021 = ReportLayout.of(ReportFormat.V2021);

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static ImportResult read(String text) throws UnreadableReportException {
        return ReportReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Table 三 value of row r (national order), column c: distinct for every cell. */
    private static long t3(int row, int column) {
        return (row + 1) * 100L + column;
    }

    /** The seed with table 三 cell (r, c) = t3(r, c) and table 四's 15 cells = 1..15. */
    static String numberedSeed() {
        String[] lines = TextImportTest.seed().split("\n", -1);
        boolean inT3 = false;
        boolean inT4 = false;
        int row = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("三、收到和处理")) {
                inT3 = true;
            } else if (lines[i].startsWith("四、政府信息公开行政复议")) {
                inT3 = false;
                inT4 = true;
            } else if (lines[i].startsWith("五、")) {
                inT4 = false;
            }
            if (inT3 && lines[i].contains("| 0 |")) {
                int r = row++;
                int[] column = {0};
                lines[i] = replaceZeros(lines[i], () -> String.valueOf(t3(r, column[0]++)));
            } else if (inT4 && lines[i].startsWith("0 |")) {
                int[] k = {1};
                lines[i] = replaceZeros(lines[i], () -> String.valueOf(k[0]++));
            }
        }
        return String.join("\n", lines);
    }

    private static String replaceZeros(String line, java.util.function.Supplier<String> next) {
        String[] cells = line.split("\\|", -1);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c].trim().equals("0")) {
                cells[c] = " " + next.get() + " ";
            }
        }
        return String.join("|", cells);
    }

    /** Asserts every table 三 and 四 cell holds the numbered seed's value. */
    private static void assertNumberedTables(AnnualReport report) {
        List<TableRow> rows = V2021.table(Section.S3).rows();
        for (int r = 0; r < rows.size(); r++) {
            List<TableColumn> columns = rows.get(r).columns();
            for (int c = 0; c < columns.size(); c++) {
                String key = rows.get(r).cellKey(columns.get(c));
                assertThat(report.number(key)).as(key).contains(BigDecimal.valueOf(t3(r, c)));
            }
        }
        int k = 1;
        for (TableRow row : V2021.table(Section.S4).rows()) {
            for (TableColumn column : row.columns()) {
                assertThat(report.number(row.cellKey(column)))
                        .as(row.cellKey(column))
                        .contains(BigDecimal.valueOf(k++));
            }
        }
        assertThat(report.number("s2.normativeDocuments.inForce")).contains(BigDecimal.valueOf(21));
        assertThat(report.number("s2.coercion.decisions")).contains(BigDecimal.valueOf(4));
    }

    private static void assertReadsLikeTheSeed(ImportResult result) {
        AnnualReport report = result.report();
        assertThat(result.findings()).isEmpty();
        assertThat(report.format()).isEqualTo(ReportFormat.V2021);
        assertThat(report.agency()).isEqualTo("乌海市公安局");
        assertThat(report.year()).isEqualTo(2021);
        assertThat(report.publishedOn()).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(report.blank()).isEmpty();
        assertThat(report.cells()).hasSize(V2021.cells().size());
        assertNumberedTables(report);
    }

    private static List<String> structureCells(ImportResult result) {
        return result.findings().stream()
                .filter(f -> f.rule().equals("STRUCTURE"))
                .flatMap(f -> f.cells().stream())
                .toList();
    }

    private static String messages(ImportResult result) {
        return result.findings().stream()
                .map(f -> f.messageZh() + " / " + f.messageEn())
                .collect(Collectors.joining("\n"));
    }

    // ---- layouts --------------------------------------------------------------------------------------------------

    @Test
    void readsTheNumberedSeedWithoutShiftingAnyValue() throws Exception {
        assertReadsLikeTheSeed(read(numberedSeed()));
    }

    @Test
    void readsOneCellPerLine() throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : numberedSeed().split("\n")) {
            for (String cell : line.split("\\|")) {
                if (!cell.isBlank()) {
                    text.append(cell.trim()).append('\n');
                }
            }
        }
        assertReadsLikeTheSeed(read(text.toString()));
    }

    private static String oneCellPerLine(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            for (String cell : line.split("\\|")) {
                if (!cell.isBlank()) {
                    out.append(cell.trim()).append('\n');
                }
            }
        }
        return out.toString();
    }

    @Test
    void readsAnEmptyLineAsABlankCellWhenEveryCellHasItsOwnLine() throws Exception {
        String text = oneCellPerLine(numberedSeed())
                .replace("\n100\n101\n", "\n\n101\n")
                .replace("\n306\n", "\n\n")
                .replace("\n15\n", "\n\n");
        ImportResult result = read(text);
        assertThat(result.report().blank())
                .containsExactlyInAnyOrder(
                        "s3.received.naturalPerson", "s3.granted.total", "s4.litigationAfterReview.total");
        assertThat(result.report().number("s3.received.commercial")).contains(BigDecimal.valueOf(101));
        assertThat(result.report().number("s3.partiallyGranted.naturalPerson")).contains(BigDecimal.valueOf(400));
        assertThat(result.report().number("s4.litigationAfterReview.pending")).contains(BigDecimal.valueOf(14));
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void reportsAnExtraSubtotalRowWrittenOneCellPerLine() throws Exception {
        String text = oneCellPerLine(
                numberedSeed().replaceFirst("(8\\.属于行政查询事项[^\n]*\n)", "$1小计 | 9 | 9 | 9 | 9 | 9 | 9 | 9 | ||\n"));
        ImportResult result = read(text);
        assertNumberedTables(result.report());
        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("小计", "9, 9, 9, 9, 9, 9, 9"));
    }

    @Test
    void readsARowLabelWrappedOverTwoLinesWithTheValuesAfterItsRest() throws Exception {
        String text = numberedSeed()
                .replace("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |", "2.申请人逾期未按收费通知要求缴纳费用、行政\n机关不再处理其政府信息公开申请 |");
        assertReadsLikeTheSeed(read(text));
        assertReadsLikeTheSeed(read(oneCellPerLine(text)));
    }

    @Test
    void readsLabelsWithSpacesInside() throws Exception {
        String text = numberedSeed()
                .replace("商业企业", "商业 企业")
                .replace("科研机构", "科 研 机 构")
                .replace("行政许可", "行政 许可")
                .replace("行政规范性文件", "行政规范性 文件")
                .replace("一、本年新收政府信息公开申请数量", "一、本年新收 政府信息公开 申请数量")
                .replace("1.属于国家秘密", "1. 属于国家秘密")
                .replace("(七)总计", "(七) 总 计")
                .replace("一、总体情况", "一、 总体情况")
                .replace("六、其他需要报告的事项", "六、其他需要报告的事项 ");
        assertReadsLikeTheSeed(read(text));
    }

    @Test
    void readsFullWidthDigitsAndPunctuation() throws Exception {
        StringBuilder text = new StringBuilder();
        for (char c : numberedSeed().toCharArray()) {
            if (c >= '0' && c <= '9') {
                text.append((char) (c - '0' + '０'));
            } else if (c == '(' || c == ')' || c == '.' || c == ',' || c == ':') {
                text.append((char) (c + 0xFEE0));
            } else if (c == '|') {
                text.append('｜');
            } else {
                text.append(c);
            }
        }
        assertReadsLikeTheSeed(read(text.toString()));
    }

    /** Traditional characters of mirror sites, as a converter writes them. */
    private static final String SIMPLIFIED = "开报总数请处结转办规许罚费属国于问题况体项计无关机复议讼维纠审经进条发决组织构会务类内执询没制补后确访举诉当认获缴纳续继乌现废业额单万强护权过";

    private static final String TRADITIONAL = "開報總數請處結轉辦規許罰費屬國於問題況體項計無關機復議訟維糾審經進條發決組織構會務類內執詢沒製補後確訪舉訴當認獲繳納續繼烏現廢業額單萬強護權過";

    @Test
    void readsTraditionalCharactersFromMirrorSites() throws Exception {
        String seed = numberedSeed();
        StringBuilder text = new StringBuilder();
        for (char c : seed.toCharArray()) {
            int i = SIMPLIFIED.indexOf(c);
            text.append(i >= 0 ? TRADITIONAL.charAt(i) : c);
        }
        assertThat(text.toString()).contains("政府信息公開工作年度報告", "本年新收政府信息公開申請數量", "總計");
        ImportResult result = read(text.toString());
        assertReadsLikeTheSeed(result);
        assertThat(result.report().narrative(Section.S6)).isEqualTo("(無)");
    }

    @Test
    void readsHeaderRowsSplitOverTwoLines() throws Exception {
        String text = numberedSeed()
                .replace("结果维持 | 结果纠正 | 其他结果 | 尚未 | 总计 |", "结果 | 结果 | 其他 | 尚未 | 总计 |\n维持 | 纠正 | 结果 | 审结 | |")
                .replace("自 然 人 | 法人或其他组织 | 总计 |", "自 然 | 法人或其他组织 | 总 |\n人 | | 计 |");
        assertReadsLikeTheSeed(read(text));
    }

    @Test
    void ignoresPageChromeBeforeTheTitleAndAfterTheReport() throws Exception {
        String text = "首页 | 政务公开 | 政府信息公开年报\n"
                + "当前位置：首页 > 信息公开 > 政府信息公开工作年度报告\n"
                + "【字体：大 中 小】\n"
                + "发布日期：2022-01-20 来源：乌海市公安局 浏览次数：1024\n\n"
                + numberedSeed()
                + "\n\n【打印本页】 【关闭窗口】\n上一篇：乌海市公安局2020年政府信息公开工作年度报告\n"
                + "版权所有：乌海市公安局  蒙ICP备05001234号\n";
        ImportResult result = read(text);
        assertReadsLikeTheSeed(result);
        assertThat(result.report().narrative(Section.S6)).isEqualTo("(无)");
    }

    @Test
    void takesThePublicationDateFromThePageWhenTheReportHasNoSignature() throws Exception {
        String text =
                "发布日期：2022-01-20 来源：乌海市公安局\n" + numberedSeed().replace("乌海市公安局\n2022年01月19日", "") + "\n版权所有：乌海市公安局\n";
        ImportResult result = read(text);
        assertThat(result.report().publishedOn()).isEqualTo(LocalDate.of(2022, 1, 20));
        assertThat(result.report().narrative(Section.S6)).isEqualTo("(无)");
    }

    @Test
    void readsADoubleSpacedText() throws Exception {
        assertReadsLikeTheSeed(read(numberedSeed().replace("\n", "\n\n")));
    }

    @Test
    void readsTitlesWithTheYearFirstAndSignatureDatesInEveryWriting() throws Exception {
        ImportResult result = read(numberedSeed()
                .replace("乌海市公安局2021年政府信息公开工作年度报告", "2021年乌海市公安局政府信息公开工作年度报告")
                .replace("2022年01月19日", "2022-01-19"));
        assertReadsLikeTheSeed(result);

        result = read(numberedSeed()
                .replace("乌海市公安局2021年政府信息公开工作年度报告", "淮安市人民政府2024年度政府信息公开工作年度报告")
                .replace("2022年01月19日", "2025年1月9日"));
        assertThat(result.report().agency()).isEqualTo("淮安市人民政府");
        assertThat(result.report().year()).isEqualTo(2024);
        assertThat(result.report().publishedOn()).isEqualTo(LocalDate.of(2025, 1, 9));

        result = read(numberedSeed().replace("2022年01月19日", "二〇二二年一月十九日"));
        assertThat(result.report().publishedOn()).isEqualTo(LocalDate.of(2022, 1, 19));
    }

    @Test
    void readsATitleSplitOverTwoLinesAndASignatureOnOneLine() throws Exception {
        ImportResult result = read(numberedSeed()
                .replace("乌海市公安局2021年政府信息公开工作年度报告", "乌海市公安局\n2021年政府信息公开工作年度报告")
                .replace("乌海市公安局\n2022年01月19日", "乌海市公安局 2022年1月19日"));
        assertReadsLikeTheSeed(result);
        assertThat(result.report().narrative(Section.S6)).isEqualTo("(无)");
    }

    @Test
    void takesTheAgencyFromTheSignatureWhenTheTitleHasNone() throws Exception {
        ImportResult result = read(numberedSeed().replace("乌海市公安局2021年政府信息公开工作年度报告", "2021年政府信息公开工作年度报告"));
        assertReadsLikeTheSeed(result);
    }

    @Test
    void recognisesVariantSectionTitles() throws Exception {
        ImportResult result = read(numberedSeed()
                .replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进举措")
                .replace("一、总体情况", "一、 总体情况")
                .replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况。")
                .replace("四、政府信息公开行政复议、行政诉讼情况", "四．政府信息公开行政复议、行政诉讼情况"));
        assertReadsLikeTheSeed(result);
    }

    // ---- values ---------------------------------------------------------------------------------------------------

    @Test
    void readsBlankCellsWrittenAsSlashDashOrNothingAsBlankNotZero() throws Exception {
        String text = numberedSeed()
                .replace("行政事业性收费 | 0 |", "行政事业性收费 | / |")
                .replace("行政强制 | 4 | ||", "行政强制 | | ||")
                .replace(
                        "一、本年新收政府信息公开申请数量 | 100 | 101 | 102 | 103 | 104 | 105 | 106 |",
                        "一、本年新收政府信息公开申请数量 | / | — | － | - | —— | | 106 |");
        ImportResult result = read(text);
        AnnualReport report = result.report();
        assertThat(report.blank())
                .containsExactlyInAnyOrder(
                        "s2.fees.amount",
                        "s2.coercion.decisions",
                        "s3.received.naturalPerson",
                        "s3.received.commercial",
                        "s3.received.research",
                        "s3.received.publicInterest",
                        "s3.received.legalService",
                        "s3.received.otherOrg");
        assertThat(report.cells()).doesNotContainKeys(report.blank().toArray(String[]::new));
        assertThat(report.number("s3.received.total")).contains(BigDecimal.valueOf(106));
        assertThat(report.number("s3.carriedOver.naturalPerson")).contains(BigDecimal.valueOf(200));
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void readsDecimalsThousandsSeparatorsAndKeepsWordsAsText() throws Exception {
        ImportResult result = read(numberedSeed()
                .replace("行政事业性收费 | 0 |", "行政事业性收费 | 0.00 |")
                .replace("行政许可 | 5 |", "行政许可 | 1,234 |")
                .replace("行政处罚 | 3 |", "行政处罚 | 无 |"));
        AnnualReport report = result.report();
        assertThat(report.cell("s2.fees.amount")).contains(CellValue.of(new BigDecimal("0.00")));
        assertThat(report.number("s2.licensing.decisions")).contains(BigDecimal.valueOf(1234));
        assertThat(report.cell("s2.penalties.decisions")).contains(CellValue.text("无"));
    }

    @Test
    void dropsTrailingPaddingWithoutInventingValues() throws Exception {
        ImportResult result = read(
                numberedSeed().replace("行政许可 | 5 | ||", "行政许可 | 5 | | | | | ||").replace("(七)总计 |", "| | (七)总计 |"));
        assertReadsLikeTheSeed(result);
    }

    // ---- partial and local reports -------------------------------------------------------------------------------

    @Test
    void readsATruncatedReportKeepingEarlierCellsAndNamingTheMissingRows() throws Exception {
        String seed = numberedSeed();
        String cut = seed.substring(0, seed.indexOf("6.属于四类过程性信息")) + "6.属于四类过程性信息 | 800 | 801 | 802";
        ImportResult result = read(cut);
        AnnualReport report = result.report();

        assertThat(report.number("s2.normativeDocuments.issued")).contains(BigDecimal.valueOf(19));
        assertThat(report.number("s3.denied.internalAffairs.total")).contains(BigDecimal.valueOf(t3(8, 6)));
        assertThat(report.number("s3.denied.processInformation.research")).contains(BigDecimal.valueOf(802));
        assertThat(report.cells()).doesNotContainKey("s3.denied.processInformation.publicInterest");
        assertThat(report.cells())
                .doesNotContainKeys(
                        "s3.denied.enforcementFiles.naturalPerson",
                        "s3.handledTotal.total",
                        "s3.carriedForward.total",
                        "s4.review.upheld");
        assertThat(report.blank()).isEmpty();
        assertThat(report.narrative(Section.S1)).startsWith("2021年以来");
        assertThat(report.narrative(Section.S5)).isNull();

        assertThat(structureCells(result))
                .contains(
                        "s3.denied.processInformation.publicInterest",
                        "s3.denied.enforcementFiles.naturalPerson",
                        "s3.carriedForward.total",
                        "s4.review.upheld",
                        "s4.litigationAfterReview.total");
        assertThat(messages(result))
                .contains("四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "7.属于行政执法案卷", "四、结转下年度继续办理");
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.rule()).isEqualTo("STRUCTURE"));
    }

    @Test
    void doesNotTurnTheEmptyLinesAtTheEndOfATruncatedTextIntoBlanks() throws Exception {
        String seed = numberedSeed();
        String cut = seed.substring(0, seed.indexOf("6.属于四类过程性信息")) + "6.属于四类过程性信息 | 800 | 801 | 802\n\n\n";
        AnnualReport report = read(cut).report();
        assertThat(report.blank()).isEmpty();
        assertThat(report.number("s3.denied.processInformation.research")).contains(BigDecimal.valueOf(802));

        String oneCell = oneCellPerLine(seed.substring(0, seed.indexOf("6.属于四类过程性信息"))) + "6.属于四类过程性信息\n800\n\n\n";
        report = read(oneCell).report();
        assertThat(report.blank()).isEmpty();
        assertThat(report.number("s3.denied.processInformation.naturalPerson")).contains(BigDecimal.valueOf(800));
        assertThat(report.cells()).doesNotContainKey("s3.denied.processInformation.commercial");
    }

    @Test
    void reportsAnExtraSubtotalRowWithoutShiftingValues() throws Exception {
        String text = numberedSeed().replaceFirst("(8\\.属于行政查询事项[^\n]*\n)", "$1小计 | 9 | 9 | 9 | 9 | 9 | 9 | 9 | ||\n");
        ImportResult result = read(text);
        assertNumberedTables(result.report());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("STRUCTURE");
            assertThat(f.messageZh()).contains("小计");
            assertThat(f.messageEn()).contains("小计");
        });
    }

    @Test
    void reportsAnExtraOrganisationSubtotalColumnAndDropsItsValues() throws Exception {
        StringBuilder text = new StringBuilder();
        boolean inT3 = false;
        for (String line : numberedSeed().split("\n")) {
            if (line.startsWith("三、收到和处理")) {
                inT3 = true;
            } else if (line.startsWith("四、政府信息公开")) {
                inT3 = false;
            }
            if (inT3 && line.startsWith("商业企业")) {
                line = line.replace("其他 |", "其他 | 法人或其他组织小计 |");
            } else if (inT3 && line.matches(".*\\| \\d+ \\|.*")) {
                // the subtotal sits before 总计: after the sixth value
                String[] cells = line.split("\\|", -1);
                List<String> out = new ArrayList<>(List.of(cells));
                int values = 0;
                for (int c = 0; c < out.size(); c++) {
                    if (out.get(c).trim().matches("\\d+") && ++values == 6) {
                        out.add(c + 1, " 77 ");
                        break;
                    }
                }
                line = String.join("|", out);
            }
            text.append(line).append('\n');
        }
        ImportResult result = read(text.toString());
        assertNumberedTables(result.report());
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("STRUCTURE");
            assertThat(f.messageZh()).contains("法人或其他组织小计", "77");
        });
    }

    @Test
    void readsThe2019FormatWithItsOwnKeys() throws Exception {
        ImportResult result = ReportReader.read(TextImportTest.resource("/text/county-finance-2019.txt"));
        AnnualReport report = result.report();
        assertThat(result.findings()).as(messages(result)).isEmpty();
        assertThat(report.format()).isEqualTo(ReportFormat.V2019);
        assertThat(report.agency()).isEqualTo("青山县财政局");
        assertThat(report.year()).isEqualTo(2019);
        assertThat(report.publishedOn()).isEqualTo(LocalDate.of(2020, 1, 20));
        assertThat(report.number("s2v2019.normativeDocuments.totalPublic")).contains(BigDecimal.valueOf(27));
        assertThat(report.number("s2v2019.licensing.change")).contains(BigDecimal.valueOf(-3));
        assertThat(report.number("s2v2019.licensing.decisions")).contains(BigDecimal.valueOf(1204));
        assertThat(report.number("s2v2019.penalties.change")).contains(BigDecimal.valueOf(2));
        assertThat(report.number("s2v2019.fees.change")).contains(BigDecimal.valueOf(-1));
        assertThat(report.cell("s2v2019.procurement.amount")).contains(CellValue.text("251000元"));
        assertThat(report.blank()).containsExactly("s2v2019.coercion.change");
        assertThat(report.number("s3.otherHandling.naturalPerson")).contains(BigDecimal.ONE);
        assertThat(report.number("s3.handledTotal.total")).contains(BigDecimal.valueOf(7));
        assertThat(report.number("s4.review.total")).contains(BigDecimal.ONE);
        assertThat(report.cells().size() + report.blank().size())
                .isEqualTo(report.layout().cells().size());
        assertThat(report.narrative(Section.S6)).isEqualTo("无。");
        assertThat(report.narrative(Section.S5)).endsWith("2020年将进一步丰富解读形式。");
    }

    @Test
    void reportsAProvincialExtraRowInThe2019TableTwo() throws Exception {
        String text = new String(TextImportTest.resource("/text/county-finance-2019.txt"), StandardCharsets.UTF_8)
                .replace("规范性文件 | 3 | 3 | 27\n", "规范性文件 | 3 | 3 | 27\n其他主动公开文件 | 40 | 40 | 300\n");
        ImportResult result = read(text);
        assertThat(result.report().number("s2v2019.normativeDocuments.totalPublic"))
                .contains(BigDecimal.valueOf(27));
        assertThat(result.report().number("s2v2019.licensing.previousItems")).contains(BigDecimal.valueOf(12));
        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.messageZh()).contains("其他主动公开文件", "300"));
    }

    // ---- not a report, hostile input ------------------------------------------------------------------------------

    @Test
    void refusesANewsArticleAsNotAReport() {
        String article = "乌海市公安局召开政务公开工作推进会\n发布日期：2022-03-01\n"
                + "3月1日，市公安局召开政务公开工作推进会，总结2021年政府信息公开工作年度报告编制经验。\n"
                + "会议要求，各单位要进一步做好行政许可、行政处罚等信息的公开。\n版权所有：乌海市公安局\n";
        assertThatThrownBy(() -> read(article))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_A_REPORT"));
    }

    @Test
    void refusesRandomBytesAsNotAReport() {
        byte[] bytes = new byte[200_000];
        new Random(42).nextBytes(bytes);
        bytes[0] = 'x';
        assertThatThrownBy(() -> ReportReader.read(bytes))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("NOT_A_REPORT"));
    }

    @Test
    void readsHostileSizesInBoundedTime() {
        String longLine = "0|".repeat(5_000_000);
        String manyLines = "|\n".repeat(3_000_000);
        String seedWithLongLine =
                numberedSeed().replace("六、其他需要报告的事项\n", "六、其他需要报告的事项\n" + "无".repeat(10_000_000) + "\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> read(longLine)).isInstanceOf(UnreadableReportException.class);
        assertThatThrownBy(() -> read(manyLines)).isInstanceOf(UnreadableReportException.class);
        try {
            ImportResult result = read(seedWithLongLine);
            assertThat(result.report().narrative(Section.S6)).hasSize(10_000_000 + "(无)".length() + 1);
        } catch (UnreadableReportException e) {
            throw new AssertionError(e);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void decodesGb18030Text() throws Exception {
        ImportResult result = ReportReader.read(numberedSeed().getBytes(Charset.forName("GB18030")));
        assertReadsLikeTheSeed(result);
    }

    @Test
    void findingsNameOnlyCatalogueRules() throws Exception {
        String seed = numberedSeed();
        ImportResult result = read(seed.substring(0, seed.length() / 2));
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (Finding finding : result.findings()) {
            byRule.merge(finding.rule(), 1L, Long::sum);
            assertThat(finding.messageZh()).isNotBlank();
            assertThat(finding.messageEn()).isNotBlank();
        }
        assertThat(byRule).containsOnlyKeys("STRUCTURE");
    }
}
