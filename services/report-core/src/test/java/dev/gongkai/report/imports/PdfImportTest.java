package dev.gongkai.report.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.Section;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfImportTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    /** Table 三 of the Huai'an report as published: label → 自然人, 5 kinds of 法人或其他组织, 总计. */
    private static final Map<String, List<String>> HUAIAN_APPLICATIONS = new LinkedHashMap<>();
    /** The same rows by their cell keys' row part. */
    private static final Map<String, String> HUAIAN_ROW_KEYS = new LinkedHashMap<>();

    private static final List<String> APPLICANT_COLUMNS =
            List.of("naturalPerson", "commercial", "research", "publicInterest", "legalService", "otherOrg", "total");

    static {
        row("received", "一、本年新收政府信息公开申请数量", "3001 53 0 0 61 4 3119");
        row("carriedOver", "二、上年结转政府信息公开申请数量", "34 0 0 0 0 0 34");
        row("granted", "（一）予以公开", "1288 21 0 0 50 3 1362");
        row("partiallyGranted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "447 7 0 0 0 0 454");
        row("denied.stateSecret", "1.属于国家秘密", "2 0 0 0 0 0 2");
        row("denied.lawProhibited", "2.其他法律行政法规禁止公开", "30 1 0 0 0 0 31");
        row("denied.safetyStability", "3.危及“三安全一稳定”", "5 0 0 0 0 0 5");
        row("denied.thirdPartyRights", "4.保护第三方合法权益", "6 0 0 0 0 0 6");
        row("denied.internalAffairs", "5.属于三类内部事务信息", "7 1 0 0 0 0 8");
        row("denied.processInformation", "6.属于四类过程性信息", "12 0 0 0 0 0 12");
        row("denied.enforcementFiles", "7.属于行政执法案卷", "9 0 0 0 0 0 9");
        row("denied.administrativeQuery", "8.属于行政查询事项", "105 0 0 0 0 0 105");
        row("unavailable.notHeld", "1.本机关不掌握相关政府信息", "746 12 0 0 10 1 769");
        row("unavailable.needsCreation", "2.没有现成信息需要另行制作", "11 0 0 0 0 0 11");
        row("unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确", "1 0 0 0 0 0 1");
        row("notProcessed.petitionComplaint", "1.信访举报投诉类申请", "56 6 0 0 0 0 62");
        row("notProcessed.repeated", "2.重复申请", "25 0 0 0 0 0 25");
        row("notProcessed.publication", "3.要求提供公开出版物", "0 0 0 0 0 0 0");
        row("notProcessed.massRepeated", "4.无正当理由大量反复申请", "0 0 0 0 0 0 0");
        row("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "1 0 0 0 0 0 1");
        row("otherHandling.overdueCorrection", "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "67 3 0 0 1 0 71");
        row("otherHandling.overdueFee", "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "6 0 0 0 0 0 6");
        row("otherHandling.other", "3、其他", "108 2 0 0 0 0 110");
        row("handledTotal", "（七）总计", "2932 53 0 0 61 4 3050");
        row("carriedForward", "四、结转下年度继续办理", "103 0 0 0 0 0 103");
    }

    private static byte[] huaian;
    private static List<SourceLine> huaianLines;

    private static void row(String key, String label, String values) {
        HUAIAN_APPLICATIONS.put(label, List.of(values.split(" ")));
        HUAIAN_ROW_KEYS.put(label, key);
    }

    /** Every cell of the three tables as the Huai'an report publishes them: 10 + 175 + 15. */
    private static Map<String, String> huaianCells() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("s2.regulations.issued", "1");
        cells.put("s2.regulations.repealed", "0");
        cells.put("s2.regulations.inForce", "11");
        cells.put("s2.normativeDocuments.issued", "8");
        cells.put("s2.normativeDocuments.repealed", "26");
        cells.put("s2.normativeDocuments.inForce", "66");
        cells.put("s2.licensing.decisions", "447228");
        cells.put("s2.penalties.decisions", "3985758");
        cells.put("s2.coercion.decisions", "88283");
        cells.put("s2.fees.amount", "96171.6");
        HUAIAN_APPLICATIONS.forEach((label, values) -> {
            for (int c = 0; c < APPLICANT_COLUMNS.size(); c++) {
                cells.put("s3." + HUAIAN_ROW_KEYS.get(label) + "." + APPLICANT_COLUMNS.get(c), values.get(c));
            }
        });
        List<String> columns = List.of("upheld", "corrected", "other", "pending", "total");
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("review", "72 64 178 37 351");
        groups.put("litigationDirect", "13 4 8 1 26");
        groups.put("litigationAfterReview", "12 1 1 6 20");
        groups.forEach((group, values) -> {
            String[] numbers = values.split(" ");
            for (int c = 0; c < columns.size(); c++) {
                cells.put("s4." + group + "." + columns.get(c), numbers[c]);
            }
        });
        return cells;
    }

    /** The report's cells as text, by key. */
    private static Map<String, String> texts(AnnualReport report) {
        Map<String, String> texts = new LinkedHashMap<>();
        report.cells().forEach((key, value) -> texts.put(key, value.toString()));
        return texts;
    }

    private static void assertHuaianReport(ImportResult result) {
        AnnualReport report = result.report();
        assertThat(report.format()).isEqualTo(ReportFormat.V2021);
        assertThat(report.year()).isEqualTo(2024);
        assertThat(report.agency()).isEqualTo("淮安市人民政府");
        Map<String, String> expected = huaianCells();
        assertThat(expected).hasSize(200);
        Map<String, String> actual = texts(report);
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(report.blank()).isEmpty();
        assertThat(report.narrative(Section.S1))
                .startsWith("2024年，我市坚持以习近平新时代中国特色社会主义思想为指导")
                .contains("（五）政府信息公开监督保障情况。")
                .endsWith("不断提高全市政务公开工作人员的工作能力和水平。");
        assertThat(report.narrative(Section.S5)).startsWith("对照上级新要求和公众新期待").endsWith("增强队伍凝聚力。");
        assertThat(report.narrative(Section.S6)).isEqualTo("2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。");
    }

    @BeforeAll
    static void readFixture() throws Exception {
        huaian = Files.readAllBytes(FIXTURES.resolve("huaian-gov-2024.pdf"));
        huaianLines = new PdfExtractor().extract(huaian).lines();
    }

    @Test
    void importsTheHuaianReportWithEveryPublishedNumber() throws Exception {
        ImportResult result = ReportReader.read(huaian);

        assertThat(result.source()).isEqualTo(SourceType.PDF);
        assertHuaianReport(result);
    }

    @Test
    void importsTheHuaianReportFromWordGapsAloneWhenTheGridIsIgnored() throws Exception {
        List<PdfPage> withoutRulings = PdfPageReader.read(huaian).stream()
                .map(page -> new PdfPage(page.number(), page.width(), page.height(), page.glyphs(), List.of()))
                .toList();

        ImportResult result =
                ReportAssembler.assemble(new SourceDocument(SourceType.PDF, PdfLayout.lines(withoutRulings)));

        assertHuaianReport(result);
    }

    /**
     * The same report as {@code pdftotext -layout} (poppler 22.12) gives its text, the form a PDF viewer's copy takes:
     * columns aligned with spaces, and long row labels wrapped around their values («5.要求行政机关确认或重新出» /
     * «1 0 0 0 0 0 1» / «具已获取信息»). Every cell is read as from the PDF itself; the two wrapped rows used to be
     * refused as rows the format does not have.
     */
    @Test
    void readsEveryCellOfTheHuaianReportFromItsTextLayoutWithLabelsWrappedAroundTheirValues() throws Exception {
        ImportResult result = ReportReader.read(Files.readAllBytes(FIXTURES.resolve("huaian-gov-2024.layout.txt")));

        Map<String, String> actual = texts(result.report());
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(huaianCells());
        assertThat(result.report().year()).isEqualTo(2024);
        assertThat(result.report().agency()).isEqualTo("淮安市人民政府");
        assertThat(result.findings()).extracting(f -> f.messageEn()).isEmpty();
    }

    /**
     * {@code pdftotext -raw}: each table row on one line with its cells between single spaces («规章 1 0 11», table
     * 四's fifteen values on one line), long labels broken over several lines before their values. Every cell is read
     * as from the PDF; before, the single-spaced rows of table 二 and 四 were unreadable and the values of 逾期不补正 were
     * stored as 逾期未按收费's.
     */
    @Test
    void readsEveryCellOfTheHuaianReportFromItsRawTextWithCellsBetweenSingleSpaces() throws Exception {
        ImportResult result = ReportReader.read(Files.readAllBytes(FIXTURES.resolve("huaian-gov-2024.raw.txt")));

        Map<String, String> actual = texts(result.report());
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(huaianCells());
        assertThat(result.findings()).extracting(f -> f.messageEn()).isEmpty();
    }

    /**
     * {@code pdftotext} without options: every cell a paragraph with an empty line after it, and table 四 in the
     * PDF's own order, column by column with header words among its values. What is read is right (no cell takes
     * another's value, table 四 is named unreadable rather than stored in the wrong cells), and the empty lines
     * between values are not taken for blank cells.
     */
    @Test
    void readsOnlyRightNumbersFromTheHuaianReportsPlainTextWithEveryCellAParagraph() throws Exception {
        ImportResult result = ReportReader.read(Files.readAllBytes(FIXTURES.resolve("huaian-gov-2024.plain.txt")));

        Map<String, String> expected = huaianCells();
        Map<String, String> actual = texts(result.report());
        assertThat(expected).containsAllEntriesOf(actual);
        assertThat(actual).hasSizeGreaterThan(120).containsKeys("s2.regulations.inForce", "s3.handledTotal.total");
        assertThat(result.report().blank()).isEmpty();
        assertThat(actual.keySet()).noneMatch(key -> key.startsWith("s4."));
        assertThat(result.findings())
                .anySatisfy(f -> assertThat(f.messageZh()).contains("表四的数值一行一个", "「行政复议」", "72、64、178、37、12"));
    }

    @Test
    void rebuildsEveryRowOfTheApplicationsTableWithItsSevenNumbers() {
        for (Map.Entry<String, List<String>> row : HUAIAN_APPLICATIONS.entrySet()) {
            assertThat(valuesAfter(row.getKey())).as(row.getKey()).isEqualTo(row.getValue());
        }
    }

    @Test
    void keepsSpanningLabelsOnceInTheFirstRowTheyCover() {
        assertThat(cellsOf("（一）予以公开"))
                .containsExactly("三、本年度办理结果", "（一）予以公开", "1288", "21", "0", "0", "50", "3", "1362");
        assertThat(cellsOf("1.属于国家秘密")).startsWith("（三）不予公开", "1.属于国家秘密");
        assertThat(cellsOf("2.其他法律行政法规禁止公开")).startsWith("2.其他法律行政法规禁止公开");
        assertThat(cellsOf("1.信访举报投诉类申请")).startsWith("（五）不予处理", "1.信访举报投诉类申请");
        assertThat(cellsOf("1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")).startsWith("（六）其他处理");
    }

    @Test
    void joinsACellThatAPageBreakCutsInTwo() {
        // "（四）无" ends page 4 and "法提供" starts page 5 in the same merged cell.
        assertThat(cellsOf("1.本机关不掌握相关政府信息")).startsWith("（四）无法提供", "1.本机关不掌握相关政府信息");
        assertThat(cellsOf("2.没有现成信息需要另行制作")).first().isEqualTo("2.没有现成信息需要另行制作");
        assertThat(huaianLines).noneMatch(line -> line.cells().contains("法提供"));
    }

    @Test
    void rebuildsTheApplicantHeaderFromWordsSplitOverLines() {
        assertThat(line("自然人")).containsExactly("自然人", "法人或其他组织", "总计");
        assertThat(line("商业企业")).containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");
    }

    @Test
    void rebuildsTheDisclosureTableAcrossItsPageBreak() {
        assertThat(line("规章")).containsExactly("规章", "1", "0", "11");
        assertThat(line("行政规范性文件")).containsExactly("行政规范性文件", "8", "26", "66");
        assertThat(line("行政许可")).containsExactly("行政许可", "447228");
        assertThat(line("行政处罚")).containsExactly("行政处罚", "3985758");
        assertThat(line("行政强制")).containsExactly("行政强制", "88283");
        assertThat(line("行政事业性收费")).containsExactly("行政事业性收费", "96171.6");
        assertThat(line("信息内容")).containsExactly("信息内容", "本年制发件数", "本年废止件数", "现行有效件数");
    }

    @Test
    void rebuildsTheReviewAndLitigationTableWithItsSplitHeaders() {
        int values =
                indexOf(List.of("72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"));
        assertThat(huaianLines.get(values - 1).cells())
                .containsExactly("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
        assertThat(huaianLines.get(values - 2).cells())
                .containsExactly("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉");
        assertThat(huaianLines.get(values - 3).cells()).containsExactly("行政复议", "行政诉讼");
    }

    @Test
    void joinsWrappedParagraphsAndTheTitleAndDropsPageNumbers() {
        List<String> paragraphs = huaianLines.stream()
                .filter(SourceLine::isParagraph)
                .map(line -> line.cells().getFirst())
                .toList();
        assertThat(paragraphs.getFirst()).isEqualTo("淮安市人民政府2024年政府信息公开工作年度报告");
        assertThat(paragraphs)
                .contains(
                        "一、总体情况",
                        "二、主动公开政府信息情况",
                        "三、收到和处理政府信息公开申请情况",
                        "四、政府信息公开行政复议、行政诉讼情况",
                        "五、存在的主要问题及改进情况",
                        "六、其他需要报告的事项");
        // A paragraph that runs over the page break from page 1 to page 2 is one line.
        assertThat(paragraphs).anyMatch(p -> p.startsWith("（一）主动公开情况。") && p.endsWith("回应舆论关切。"));
        assertThat(paragraphs).contains("2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。");
        assertThat(huaianLines).noneMatch(line -> line.text().matches("[-—\\s]*\\d+[-—\\s]*"));
    }

    @Test
    void readsTheFixtureQuickly() throws Exception {
        new PdfExtractor().extract(huaian);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            new PdfExtractor().extract(huaian);
        }
        assertThat(Duration.ofNanos((System.nanoTime() - start) / 5)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void refusesAScannedPdfWithoutTextLayer() throws Exception {
        byte[] scanned;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage image = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
            image.getGraphics().drawString("淮安市人民政府2024年政府信息公开工作年度报告", 10, 20);
            PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xObject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            scanned = save(document);
        }
        assertThatThrownBy(() -> ReportReader.read(scanned))
                .isInstanceOfSatisfying(UnreadableReportException.class, e -> {
                    assertThat(e.code()).isEqualTo("NO_TEXT_LAYER");
                    assertThat(e.messageZh()).contains("没有文字层");
                });
    }

    @Test
    void refusesAMillionTinyTextObjectsWithinBoundedTime() throws Exception {
        byte[] flood = millionTextObjects();
        long start = System.nanoTime();
        assertThatThrownBy(() -> ReportReader.read(flood))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("TOO_LARGE"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void refusesPageContentThatInflatesFarBeyondAnyReport() throws Exception {
        byte[] bomb = inflatingContent(64);
        long start = System.nanoTime();
        assertThatThrownBy(() -> ReportReader.read(bomb))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("TOO_LARGE"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesRandomBytesThatOnlyStartLikeAPdf() {
        byte[] junk = new byte[200_000];
        new Random(7).nextBytes(junk);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 9);
        assertThatThrownBy(() -> ReportReader.read(junk))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isEqualTo("DAMAGED"));
    }

    @Test
    void refusesAPdfCutShort() {
        byte[] truncated = Arrays.copyOf(huaian, 2_000);
        assertThatThrownBy(() -> new PdfExtractor().extract(truncated))
                .isInstanceOfSatisfying(
                        UnreadableReportException.class,
                        e -> assertThat(e.code()).isIn("DAMAGED", "NO_TEXT_LAYER"));
    }

    @Test
    void refusesAPasswordProtectedPdf() throws Exception {
        byte[] encrypted;
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("Annual report on government information disclosure 2024");
                content.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            encrypted = save(document);
        }
        assertThatThrownBy(() -> new PdfExtractor().extract(encrypted))
                .isInstanceOfSatisfying(UnreadableReportException.class, e -> {
                    assertThat(e.code()).isEqualTo("DAMAGED");
                    assertThat(e.messageZh()).contains("加密");
                });
    }

    @Test
    void readsBackTheSeedReportLaidOutWithoutRulingLines() throws Exception {
        assumeThat(Files.exists(CJK_FONT)).as("WenQuanYi Zen Hei installed").isTrue();
        List<String> seed = Files.readAllLines(FIXTURES.resolve("wuhai-psb-2021.txt"), StandardCharsets.UTF_8);
        byte[] pdf = SeedPdf.render(seed, CJK_FONT);

        List<List<String>> read = new PdfExtractor()
                .extract(pdf).lines().stream()
                        .map(line -> line.cells().stream()
                                .map(PdfImportTest::compact)
                                .toList())
                        .toList();

        List<List<String>> expected = seed.stream()
                .filter(line -> !line.isBlank())
                .map(line -> Arrays.stream(line.split("\\|"))
                        .map(PdfImportTest::compact)
                        .filter(cell -> !cell.isEmpty())
                        .toList())
                .toList();
        assertThat(read).isEqualTo(expected);
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The cells after the row's label: its values. */
    private static List<String> valuesAfter(String label) {
        List<String> cells = cellsOf(label);
        return cells.subList(cells.indexOf(label) + 1, cells.size());
    }

    private static List<String> cellsOf(String label) {
        return huaianLines.stream()
                .filter(line -> line.cells().contains(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + label + " in\n" + dump()))
                .cells();
    }

    private static List<String> line(String firstCell) {
        return huaianLines.stream()
                .filter(line -> line.cells().getFirst().equals(firstCell))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + firstCell + " in\n" + dump()))
                .cells();
    }

    private static int indexOf(List<String> cells) {
        for (int i = 0; i < huaianLines.size(); i++) {
            if (huaianLines.get(i).cells().equals(cells)) {
                return i;
            }
        }
        throw new AssertionError("no line " + cells + " in\n" + dump());
    }

    private static String dump() {
        StringBuilder text = new StringBuilder();
        huaianLines.forEach(line -> text.append(line.text()).append('\n'));
        return text.toString();
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    /** One page whose content stream is a few hundred kilobytes of deflated spaces that inflate to many megabytes. */
    private static byte[] inflatingContent(int megabytes) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDStream stream = new PDStream(document);
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            try (OutputStream out = new DeflaterOutputStream(
                    stream.getCOSObject().createRawOutputStream(), new Deflater(Deflater.BEST_SPEED))) {
                for (int i = 0; i < megabytes; i++) {
                    out.write(spaces);
                }
            }
            stream.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.setContents(stream);
            return save(document);
        }
    }

    /** One page, one million text objects of one tiny glyph each, written straight into a compressed stream. */
    private static byte[] millionTextObjects() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDResources resources = new PDResources();
            COSName font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            page.setResources(resources);
            byte[][] objects = new byte[1000][];
            for (int i = 0; i < objects.length; i++) {
                objects[i] = ("BT /" + font.getName() + " 0.5 Tf " + (i % 500) + " " + (i / 2) + " Td (x) Tj ET\n")
                        .getBytes(StandardCharsets.US_ASCII);
            }
            PDStream stream = new PDStream(document);
            try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                for (int i = 0; i < 1_000_000; i++) {
                    out.write(objects[i % objects.length]);
                }
            }
            page.setContents(stream);
            return save(document);
        }
    }

    /**
     * The seed report typeset the simple way: paragraphs wrapped at a fixed width with a first-line indent, table
     * rows as their non-empty cells separated by wide gaps (no ruling lines), page numbers at the foot.
     */
    static final class SeedPdf {
        private static final float SIZE = 8;
        private static final float LEFT = 50;
        private static final float WIDTH = 480;
        private static final float TOP = 780;
        private static final float BOTTOM = 70;
        private static final float LEADING = 14;

        private final PDDocument document;
        private final PDFont font;
        private PDPageContentStream content;
        private float y;
        private int pages;

        private SeedPdf(PDDocument document, PDFont font) {
            this.document = document;
            this.font = font;
        }

        static byte[] render(List<String> lines, Path fontFile) throws IOException {
            try (PDDocument document = new PDDocument();
                    TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile())) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                SeedPdf pdf = new SeedPdf(document, PDType0Font.load(document, first[0], true));
                pdf.newPage();
                for (String line : lines) {
                    if (line.isBlank()) {
                        continue;
                    }
                    if (line.contains("|")) {
                        List<String> cells = new ArrayList<>();
                        for (String cell : line.split("\\|")) {
                            if (!cell.isBlank()) {
                                cells.add(cell.strip());
                            }
                        }
                        pdf.row(cells);
                    } else {
                        pdf.paragraph(line.strip());
                    }
                }
                pdf.content.close();
                return save(document);
            }
        }

        private void paragraph(String text) throws IOException {
            float indent = 2 * SIZE;
            int start = 0;
            while (start < text.length()) {
                int end = start;
                float available = WIDTH - indent;
                while (end < text.length() && width(text.substring(start, end + 1)) <= available) {
                    end++;
                }
                show(text.substring(start, end), LEFT + indent);
                start = end;
                indent = 0;
            }
        }

        private void row(List<String> cells) throws IOException {
            breakPageIfFull();
            float x = LEFT;
            for (String cell : cells) {
                draw(cell, x);
                x += width(cell) + 3 * SIZE;
            }
            y -= LEADING;
        }

        private void show(String text, float x) throws IOException {
            breakPageIfFull();
            draw(text, x);
            y -= LEADING;
        }

        private void breakPageIfFull() throws IOException {
            if (y < BOTTOM) {
                content.close();
                newPage();
            }
        }

        private void draw(String text, float x) throws IOException {
            content.beginText();
            content.setFont(font, SIZE);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            pages++;
            content.beginText();
            content.setFont(font, 10);
            content.newLineAtOffset(290, 40);
            content.showText("— " + pages + " —");
            content.endText();
            y = TOP;
        }

        private float width(String text) throws IOException {
            return font.getStringWidth(text) / 1000 * SIZE;
        }
    }
}
