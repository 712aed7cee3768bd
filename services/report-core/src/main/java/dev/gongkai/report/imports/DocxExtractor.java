package dev.gongkai.report.imports;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamException;

/**
 * Reads a Word {@code .docx}: the body of {@code word/document.xml}, its paragraphs as one-cell lines and its
 * tables as rows of cells, in the shape {@link HtmlExtractor} gives (see {@link DocxBody}).
 *
 * <p>Read with the JDK alone ({@link ZipInputStream} and a hardened StAX parser) rather than Apache POI: only one
 * part of the package is needed; streaming it counts every byte inflated, so a zip bomb stops at a hard cap
 * (POI guards with a compression-ratio heuristic) and memory holds the lines, not an XMLBeans model of the
 * package; and the core stays free of POI, XMLBeans and their transitive jars. Limits: {@value #MAX_ENTRIES}
 * entries, {@code document.xml} at most 64 MB inflated, 128 MB inflated in all (entries stored before {@code
 * document.xml} are inflated to be skipped); past them the file is refused as {@code TOO_LARGE}.
 */
final class DocxExtractor implements SourceExtractor {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;
    static final long MAX_INFLATED_BYTES = 128L * 1024 * 1024;

    private static final String DOCUMENT = "word/document.xml";

    @Override
    public SourceDocument extract(byte[] content) throws UnreadableReportException {
        // Entry names are only compared with an ASCII name: Latin-1 decodes any bytes, where UTF-8 would throw
        // on the GBK file names that Chinese zip tools write.
        boolean openDocument = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.ISO_8859_1)) {
            long inflated = 0;
            int entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new UnreadableReportException(
                            "TOO_LARGE",
                            "压缩包内文件过多（超过 " + MAX_ENTRIES + " 个），不是 Word 年度报告",
                            "the archive holds more than " + MAX_ENTRIES + " entries; it is not a Word report");
                }
                openDocument |= entry.getName().equals("content.xml");
                if (isDocument(entry.getName())) {
                    return new SourceDocument(
                            SourceType.DOCX,
                            readDocument(zip, Math.min(MAX_DOCUMENT_BYTES, MAX_INFLATED_BYTES - inflated)));
                }
                inflated += drain(zip, MAX_INFLATED_BYTES - inflated);
            }
        } catch (IOException | IllegalArgumentException damaged) {
            throw damaged(damaged);
        }
        if (openDocument) {
            throw new UnreadableReportException(
                    "NOT_DOCX",
                    "这是 OpenDocument 文档（.odt），不能直接读取：请在 WPS、LibreOffice 或 Word 中“另存为”Word 文档（.docx）后再导入",
                    "an OpenDocument text (.odt), which is not read as it is: save it as a Word document (.docx) in"
                            + " WPS, LibreOffice or Word (Save As) and import that");
        }
        throw new UnreadableReportException(
                "NOT_A_REPORT",
                "压缩文件不是 Word 文档（没有 word/document.xml），不是年度报告",
                "the zip archive is not a Word .docx document (it has no word/document.xml)");
    }

    private static boolean isDocument(String name) {
        String normalised = name.replace('\\', '/');
        return normalised.equals(DOCUMENT) || normalised.equals("/" + DOCUMENT);
    }

    private static List<SourceLine> readDocument(InputStream zip, long limit) throws UnreadableReportException {
        Bounded document = new Bounded(zip, limit);
        try {
            return DocxBody.read(document);
        } catch (XMLStreamException | RuntimeException damaged) {
            if (document.exceeded) {
                throw tooLarge();
            }
            throw damaged(damaged);
        }
    }

    private static long drain(InputStream zip, long budget) throws IOException, UnreadableReportException {
        Bounded entry = new Bounded(zip, budget);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n = entry.read(buffer); n >= 0; n = entry.read(buffer)) {
                total += n;
            }
        } catch (IOException e) {
            if (entry.exceeded) {
                throw tooLarge();
            }
            throw e;
        }
        return total;
    }

    private static UnreadableReportException tooLarge() {
        return new UnreadableReportException(
                "TOO_LARGE",
                "Word 文档解压后过大（正文超过 64 MB 或全部超过 128 MB），不是年度报告（可能是压缩炸弹）",
                "the Word document inflates past the limits (64 MB of text, 128 MB in all); it is not an annual "
                        + "report (a zip bomb?)");
    }

    private static UnreadableReportException damaged(Exception cause) {
        return new UnreadableReportException(
                "DAMAGED", "Word 文档已损坏，无法读取", "the Word document is damaged and cannot be read", cause);
    }

    /** Counts what is inflated and stops one byte past the limit. Closing it leaves the zip stream open. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;
        private boolean exceeded;

        Bounded(InputStream in, long limit) {
            super(in);
            this.remaining = Math.max(0, limit);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                if (in.read() < 0) {
                    return -1;
                }
                exceeded = true;
                throw new IOException("inflated size limit exceeded");
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)]));
        }

        @Override
        public void close() {}
    }
}
