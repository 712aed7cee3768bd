package dev.gongkai.report.imports;

import java.nio.charset.StandardCharsets;

/**
 * The one entry point for reading a report from bytes: recognises the type from the content, extracts lines and
 * assembles the canonical report with its import findings.
 */
public final class ReportReader {

    /** Larger inputs are refused rather than read: no published report comes near it. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private ReportReader() {}

    public static ImportResult read(byte[] content) throws UnreadableReportException {
        if (content.length > MAX_BYTES) {
            throw new UnreadableReportException(
                    "TOO_LARGE", "文件过大（超过 64 MB），不是年度报告", "the file is larger than 64 MB; it is not an annual report");
        }
        refuseFormatsNotRead(content);
        SourceType type = detect(content);
        if (type == SourceType.JSON) {
            return CanonicalJsonReader.read(content);
        }
        SourceDocument document = switch (type) {
            case PDF -> new PdfExtractor().extract(content);
            case DOCX -> new DocxExtractor().extract(content);
            case HTML -> new HtmlExtractor().extract(content);
            case TEXT -> new TextExtractor().extract(content);
            case JSON -> throw new AssertionError();
        };
        return ReportAssembler.assemble(document);
    }

    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    /**
     * Office files of the kinds clerks have that are not read, said as what they are and what to do, rather than
     * read as text (an RTF's "{" looked like JSON): Word 97–2003 (.doc) and WPS (.wps) documents, both OLE2 compound
     * files, and RTF.
     */
    private static void refuseFormatsNotRead(byte[] content) throws UnreadableReportException {
        if (startsWith(content, OLE2)) {
            throw new UnreadableReportException(
                    "NOT_DOCX",
                    "这是旧版 Office 文件（Word 97–2003 的 .doc、WPS 的 .wps 或 Excel 的 .xls），不能直接读取：请在 Word 或"
                            + " WPS 中“另存为”Word 文档（.docx）后再导入",
                    "an Office 97–2003 file (a Word .doc, a WPS .wps or an Excel .xls), which is not read as it is:"
                            + " save it as a Word document (.docx) in Word or WPS (Save As) and import that");
        }
        if (startsWith(content, "{\\rtf".getBytes(StandardCharsets.US_ASCII))) {
            throw new UnreadableReportException(
                    "NOT_DOCX",
                    "这是 RTF 文档，不能直接读取：请在 Word 或 WPS 中“另存为”Word 文档（.docx）后再导入",
                    "an RTF document, which is not read as it is: save it as a Word document (.docx) in Word or WPS"
                            + " (Save As) and import that");
        }
    }

    /** Recognises the source type from the first bytes. */
    public static SourceType detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return SourceType.PDF;
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return SourceType.DOCX;
        }
        int sniff = Math.min(content.length, 4096);
        if (firstNonBlank(content, sniff) == '{') {
            return SourceType.JSON;
        }
        if (!contains(content, sniff, (byte) '<')) {
            // Markup needs '<': the plain text that most imports are is recognised without decoding anything.
            return SourceType.TEXT;
        }
        String head = TextDecoding.decode(content, sniff).stripLeading();
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("<!doctype html")
                || lower.startsWith("<html")
                || lower.contains("<table")
                || lower.contains("<body")
                || lower.contains("<div")
                || lower.contains("<p>")
                || lower.contains("<script")
                || lower.contains("<p ")) {
            return SourceType.HTML;
        }
        return SourceType.TEXT;
    }

    /** The first byte that is not ASCII white space or a UTF-8 byte-order mark; -1 when there is none. */
    private static int firstNonBlank(byte[] content, int limit) {
        int i = content.length >= 3
                        && (content[0] & 0xff) == 0xEF
                        && (content[1] & 0xff) == 0xBB
                        && (content[2] & 0xff) == 0xBF
                ? 3
                : 0;
        for (; i < limit; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    /** Whether the ASCII byte occurs in the prefix (UTF-16 text is decoded and checked the slow way). */
    private static boolean contains(byte[] content, int limit, byte ascii) {
        if (content.length >= 2 && ((content[0] & 0xff) == 0xFF || (content[0] & 0xff) == 0xFE)) {
            return true;
        }
        for (int i = 0; i < limit; i++) {
            if (content[i] == ascii) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
