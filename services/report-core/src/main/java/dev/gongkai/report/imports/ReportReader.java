package dev.gongkai.report.imports;

import java.nio.charset.StandardCharsets;

/**
 * The one entry point for reading a report from bytes: recognises the type from the content, extracts lines and
 * assembles the canonical report with its import findings.
 */
public final class ReportReader {

    /** Larger inputs are refused rather than read: no published report comes near it. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private ReportReader() {
    }

    public static ImportResult read(byte[] content) throws UnreadableReportException {
        if (content.length > MAX_BYTES) {
            throw new UnreadableReportException("TOO_LARGE",
                    "文件过大（超过 64 MB），不是年度报告",
                    "the file is larger than 64 MB; it is not an annual report");
        }
        SourceType type = detect(content);
        if (type == SourceType.JSON) {
            return dev.gongkai.report.render.CanonicalJson.read(content);
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

    /** Recognises the source type from the first bytes. */
    public static SourceType detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return SourceType.PDF;
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return SourceType.DOCX;
        }
        String head = TextDecoding.decode(content, 4096).stripLeading();
        if (head.startsWith("{")) {
            return SourceType.JSON;
        }
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<table")
                || lower.contains("<body") || lower.contains("<div") || lower.contains("<p>")
                || lower.contains("<p ")) {
            return SourceType.HTML;
        }
        return SourceType.TEXT;
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
