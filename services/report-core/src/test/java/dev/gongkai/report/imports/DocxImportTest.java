package dev.gongkai.report.imports;

import static dev.gongkai.report.imports.HtmlImportTest.reportPart;
import static dev.gongkai.report.imports.HtmlImportTest.resource;
import static dev.gongkai.report.imports.HtmlImportTest.seedLines;
import static dev.gongkai.report.imports.WordDocuments.document;
import static dev.gongkai.report.imports.WordDocuments.docx;
import static dev.gongkai.report.imports.WordDocuments.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class DocxImportTest {

    private static final String W = WordDocuments.W;

    @Test
    void seedDocumentGivesTheSeedTextsLines() throws Exception {
        List<SourceLine> lines = extract(seedDocx());

        assertThat(reportPart(lines)).containsExactlyElementsOf(seedLines());
    }

    @Test
    void mergedCellsAppearInTheirFirstRowOnlyAndSpannedCellsAsOneCell() throws Exception {
        List<SourceLine> lines = extract(seedDocx());

        assertThat(lines)
                .contains(
                        SourceLine.of("第二十条第(一)项"),
                        SourceLine.of("行政许可", "5"),
                        SourceLine.of("行政事业性收费", "0", "", ""),
                        SourceLine.of("三、 本年度办理结果", "(一)予以公开", "0", "0", "0", "0", "0", "0", "0"),
                        SourceLine.of("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "0", "0", "0", "0", "0", "0", "0"),
                        SourceLine.of("(三)不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"),
                        SourceLine.of("2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"),
                        SourceLine.of("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
                        SourceLine.of("结果维持", "结果纠正", "其他结果", "尚未", "总计", "未经复议直接起诉", "复议后起诉"),
                        SourceLine.of("结果", "结果", "其他", "尚未", "总计", "结果", "结果", "其他", "尚未", "总计"));
    }

    @Test
    void textBoxTextIsReadOnceAndDeletedMovedAndFieldCodeTextNotAtAll() throws Exception {
        String body = """
                <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>
                  <w:p><w:r><w:t>此件公开发布</w:t></w:r></w:p>
                </w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>
                  <w:p><w:r><w:t>此件公开发布</w:t></w:r></w:p>
                </w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
                <w:p><w:r><w:t xml:space="preserve">本年新收申请</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>12</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>13</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r></w:p>
                <w:p><w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走的句子。</w:t></w:r></w:moveFrom><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
                <w:p><w:moveTo w:id="4" w:author="a"><w:r><w:t>移走的句子。</w:t></w:r></w:moveTo></w:p>""";

        assertThat(extract(docx(body)))
                .containsExactly(
                        SourceLine.of("此件公开发布"),
                        SourceLine.of("本年新收申请13件。"),
                        SourceLine.of("1"),
                        SourceLine.of("移走的句子。"));
    }

    @Test
    void runsJoinTabsAreSpacesAndLineBreaksStartNewLines() throws Exception {
        String body = """
                <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>某某局</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>2021年政府信息公开</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t>工作年度报告</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>
                <w:p><w:r><w:t>某某局</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>2022年1月19日</w:t></w:r></w:p>
                <w:p><w:r><w:t>一、</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>总体情况</w:t></w:r></w:p>
                <w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>""";

        assertThat(extract(docx(body)))
                .containsExactly(
                        SourceLine.of("某某局2021年政府信息公开工作年度报告"),
                        SourceLine.of("某某局"),
                        SourceLine.of("2022年1月19日"),
                        SourceLine.of("一、 总体情况"));
    }

    @Test
    void contentControlsAreReadForWhatTheyHoldAndAnEmptyOneShowingItsPlaceholderIsBlank() throws Exception {
        String placeholder = "<w:sdtPr><w:alias w:val=\"数值\"/><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>%s"
                + "</w:sdtContent>";
        String empty = "<w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r>";
        String body = """
                <w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>本年新收申请13件。</w:t></w:r></w:p></w:sdtContent></w:sdt>
                <w:tbl>
                <w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:tc><w:p><w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>5</w:t></w:r></w:sdtContent></w:sdt></w:p></w:tc>
                  <w:tc><w:p><w:sdt>%1$s</w:sdt></w:p></w:tc></w:tr>
                <w:sdt><w:sdtPr><w:alias w:val="行"/></w:sdtPr><w:sdtContent><w:tr><w:tc><w:p><w:r><w:t>行政处罚</w:t></w:r></w:p></w:tc>
                  <w:sdt>%2$s</w:sdt><w:tc><w:sdt>%3$s</w:sdt></w:tc></w:tr></w:sdtContent></w:sdt>
                </w:tbl>""".formatted(
                        placeholder.formatted(empty),
                        placeholder.formatted("<w:tc><w:p>" + empty + "</w:p></w:tc>"),
                        placeholder.formatted("<w:p>" + empty + "</w:p>"));

        assertThat(extract(docx(body)))
                .containsExactly(
                        SourceLine.of("本年新收申请13件。"), SourceLine.of("行政许可", "5", ""), SourceLine.of("行政处罚", "", ""));
    }

    @Test
    void legacyTextFormFieldsAreReadForTheirResultAndAnEmptyOneIsBlank() throws Exception {
        // Word's older form fields: FORMTEXT, its result after the separator; empty, five en spaces
        String field = "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:name w:val=\"Text1\"/><w:enabled/>"
                + "<w:textInput/></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space=\"preserve\"> FORMTEXT </w:instrText>"
                + "</w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        String body = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:tc><w:p>"
                + field.formatted("5") + "</w:p></w:tc><w:tc><w:p>" + field.formatted("\u2002".repeat(5))
                + "</w:p></w:tc></w:tr></w:tbl>";

        assertThat(extract(docx(body))).containsExactly(SourceLine.of("行政许可", "5", ""));
    }

    @Test
    void onlyLeafTablesAreDataTables() throws Exception {
        String body = """
                <w:tbl><w:tr><w:tc><w:p><w:r><w:t>二、主动公开政府信息情况</w:t></w:r></w:p>
                  <w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政许可</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
                  <w:p/></w:tc><w:tc><w:p><w:r><w:t>右栏</w:t></w:r></w:p></w:tc></w:tr></w:tbl>""";

        assertThat(extract(docx(body)))
                .containsExactly(SourceLine.of("二、主动公开政府信息情况"), SourceLine.of("行政许可", "5"), SourceLine.of("右栏"));
    }

    @Test
    void strictOoxmlNamespaceIsReadToo() throws Exception {
        String document = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>
                <w:tbl><w:tr><w:tc><w:p><w:r><w:t>行政处罚</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
                </w:body></w:document>""";

        assertThat(extract(zip(Map.of("word/document.xml", document)))).containsExactly(SourceLine.of("行政处罚", "3"));
    }

    @Test
    void zipBombIsRefusedAsTooLargeWithinBoundedTime() throws Exception {
        byte[] bomb = zipBomb("word/document.xml", 1_100);
        assertThat(bomb.length).isLessThan(2_000_000);

        assertRefused(bomb, "TOO_LARGE");
    }

    @Test
    void zipBombBeforeTheDocumentIsRefusedToo() throws Exception {
        byte[] bomb = zipBomb("word/media/image1.png", 1_100);

        assertRefused(bomb, "TOO_LARGE");
    }

    @Test
    void archiveWithTooManyEntriesIsRefused() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i <= DocxExtractor.MAX_ENTRIES; i++) {
            entries.put("word/media/e" + i + ".txt", "");
        }
        entries.put("word/document.xml", document(""));

        assertRefused(zip(entries), "TOO_LARGE");
    }

    @Test
    void zipThatIsNotAWordDocumentIsNotAReport() throws Exception {
        byte[] workbook = zip(Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"));

        assertThat(ReportReader.detect(workbook)).isEqualTo(SourceType.DOCX);
        assertRefused(workbook, "NOT_A_REPORT");
    }

    @Test
    void truncatedOrMalformedDocumentsAreDamaged() throws Exception {
        byte[] docx = seedDocx();
        byte[] truncated = Arrays.copyOf(docx, docx.length / 2);
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;
        byte[] badXml = zip(Map.of("word/document.xml", "<w:document xmlns:w=\"" + W + "\"><w:body><w:p>"));

        for (byte[] damaged : List.of(truncated, garbage, badXml)) {
            assertThatThrownBy(() -> new DocxExtractor().extract(damaged))
                    .isInstanceOfSatisfying(
                            UnreadableReportException.class,
                            refused -> assertThat(refused.code()).isIn("DAMAGED", "NOT_A_REPORT"));
        }
        assertRefused(badXml, "DAMAGED");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreNeverResolved() throws Exception {
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>""".formatted(W);
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            laughs.append("<!ENTITY l")
                    .append(i)
                    .append(" \"")
                    .append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]><w:document xmlns:w=\"")
                .append(W)
                .append("\"><w:body><w:p><w:r><w:t>&l10;</w:t></w:r></w:p>")
                .append("</w:body></w:document>");

        assertRefused(zip(Map.of("word/document.xml", external)), "DAMAGED");
        assertRefused(zip(Map.of("word/document.xml", laughs.toString())), "DAMAGED");
    }

    @Test
    void deeplyNestedTablesEndInBoundedTime() throws Exception {
        int depth = 100_000;
        String body = "<w:tbl><w:tr><w:tc>".repeat(depth) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
                + "</w:tc></w:tr></w:tbl>".repeat(depth);

        assertRefused(docx(body), "DAMAGED");
        String shallower = "<w:tbl><w:tr><w:tc>".repeat(500) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
                + "</w:tc></w:tr></w:tbl>".repeat(500);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> extract(docx(shallower))))
                .containsExactly(SourceLine.of("x"));
    }

    @Test
    void readerRecognisesWordDocumentsByTheirContent() throws Exception {
        assertThat(ReportReader.detect(seedDocx())).isEqualTo(SourceType.DOCX);
    }

    @Test
    void seedDocumentReadsEndToEndWithExactlyTheSeedsNumbers() throws Exception {
        HtmlImportTest.assertSeedReport(ReportReader.read(seedDocx()), SourceType.DOCX);
    }

    // ---- helpers

    private static List<SourceLine> extract(byte[] docx) throws UnreadableReportException {
        SourceDocument document = new DocxExtractor().extract(docx);
        assertThat(document.type()).isEqualTo(SourceType.DOCX);
        return document.lines();
    }

    private static void assertRefused(byte[] docx, String code) {
        assertThatThrownBy(() ->
                        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new DocxExtractor().extract(docx)))
                .isInstanceOfSatisfying(UnreadableReportException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(code);
                    assertThat(refused.messageZh()).isNotBlank();
                    assertThat(refused.messageEn()).isNotBlank();
                });
    }

    /**
     * The seed report as an agency would draft it in Word: built from the seed's HTML page (its paragraphs, and
     * its tables with their rowspans turned into {@code w:vMerge} and colspans into {@code w:gridSpan}), with
     * runs split as Word splits them, a bookmark and a text box on the first page.
     */
    static byte[] seedDocx() {
        Element content = Jsoup.parse(new String(resource("/html/wuhai-psb-2021.html"), StandardCharsets.UTF_8))
                .selectFirst("div.content");
        StringBuilder body = new StringBuilder();
        body.append("""
                <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>\
                <w:p><w:r><w:t>此件公开发布</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>\
                <mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>此件公开发布</w:t></w:r></w:p>\
                </w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
                """);
        body.append("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/>")
                .append(WordDocuments.runs(
                        content.ownerDocument().selectFirst("h1").text()))
                .append("<w:bookmarkEnd w:id=\"0\"/></w:p>\n");
        body.append(WordDocuments.body(content, WordDocuments.Controls.NONE));
        return docx(body.toString());
    }

    /**
     * A valid zip of about a megabyte whose entry {@code name} inflates to {@code megabytes} MB of spaces inside a
     * {@code w:t}. Deflating a gigabyte would take seconds; after the first, every flushed megabyte of spaces
     * deflates to the same bytes, so those bytes are repeated instead.
     */
    static byte[] zipBomb(String name, int megabytes) {
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        byte[] head = ("<w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(flushed(deflater, head));
        data.writeBytes(flushed(deflater, spaces));
        byte[] repeated = flushed(deflater, spaces);
        assertThat(flushed(deflater, spaces)).as("steady deflate output").isEqualTo(repeated);
        for (int i = 1; i < megabytes; i++) {
            data.writeBytes(repeated);
        }
        deflater.finish();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        CRC32 crc = new CRC32();
        crc.update(head);
        for (int i = 0; i < megabytes; i++) {
            crc.update(spaces);
        }
        long size = head.length + (long) megabytes * spaces.length;
        return rawZip(name, data.toByteArray(), crc.getValue(), size);
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    /** One deflated entry with its local header, central directory and end record, sizes stated honestly. */
    private static byte[] rawZip(String name, byte[] deflated, long crc, long size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer zip = ByteBuffer.allocate(deflated.length + 2 * nameBytes.length + 200)
                .order(ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) 8)
                .putShort((short) 0)
                .putShort((short) 0x21)
                .putInt((int) crc)
                .putInt(deflated.length)
                .putInt((int) size)
                .putShort((short) nameBytes.length)
                .putShort((short) 0)
                .put(nameBytes)
                .put(deflated);
        int directory = zip.position();
        zip.putInt(0x02014b50)
                .putShort((short) 20)
                .putShort((short) 20)
                .putShort((short) 0)
                .putShort((short) 8)
                .putShort((short) 0)
                .putShort((short) 0x21)
                .putInt((int) crc)
                .putInt(deflated.length)
                .putInt((int) size)
                .putShort((short) nameBytes.length)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(0)
                .putInt(0)
                .put(nameBytes);
        int directorySize = zip.position() - directory;
        zip.putInt(0x06054b50)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(directorySize)
                .putInt(directory)
                .putShort((short) 0);
        return Arrays.copyOf(zip.array(), zip.position());
    }

    /**
     * The Office files clerks have that are not read say what they are and what to do: Word 97–2003 (.doc, an OLE2
     * compound file, as WPS's .wps), RTF (whose "{" was read as malformed JSON) and OpenDocument (.odt), each made by
     * LibreOffice 7.4 from the real 006 page's Word document.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"doc", "rtf", "odt"})
    void anOfficeFileThatIsNoDocxSaysToSaveItAsDocx(String extension) throws Exception {
        byte[] file = RealCorpusTest.resource("/fixtures/real/forms/006_putian_cgj_2021.libreoffice." + extension);

        UnreadableReportException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                UnreadableReportException.class, () -> ReportReader.read(file));

        assertThat(refused.code()).isEqualTo("NOT_DOCX");
        assertThat(refused.messageZh()).contains("另存为", ".docx");
        assertThat(refused.messageEn()).contains("Save As", ".docx");
    }
}
