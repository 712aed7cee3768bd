package dev.gongkai.report.imports;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** Opens a PDF with bounded memory and collects every page's glyphs and ruling lines. */
final class PdfPageReader {

    /** Fewer readable glyphs than this in the whole file: there is no text layer worth the name. */
    private static final int MIN_GLYPHS = 20;

    private static final int MAX_RULINGS_PER_PAGE = 4_000;

    private PdfPageReader() {}

    static List<PdfPage> read(byte[] content) throws UnreadableReportException {
        PdfBudget budget = new PdfBudget();
        // Decoded streams go to temporary files, never to the heap: a small file can inflate enormously.
        try (PDDocument document = Loader.loadPDF(
                new RandomAccessReadBuffer(content), "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw damaged(null);
            }
            if (pageCount > PdfBudget.MAX_PAGES) {
                throw tooLarge(pageCount + " pages");
            }
            checkContentSize(document);
            GlyphCollector collector = new GlyphCollector(budget, pageCount);
            collector.getText(document);
            if (collector.readable < MIN_GLYPHS) {
                throw new UnreadableReportException(
                        "NO_TEXT_LAYER",
                        "PDF 没有文字层（可能是扫描件），无法读取，请提供文字版 PDF 或 Word 文件",
                        "the PDF has no text layer (probably scanned); provide a PDF with text or a Word file");
            }
            List<PdfPage> pages = new ArrayList<>(pageCount);
            for (int i = 0; i < pageCount; i++) {
                PDPage page = document.getPage(i);
                PDRectangle box = page.getCropBox();
                List<PdfGlyph> glyphs = collector.pages.get(i);
                // Ruling lines only matter where there is text; rotated pages are read by text gaps alone.
                List<PdfSegment> rulings = glyphs.isEmpty() || page.getRotation() % 360 != 0
                        ? List.of()
                        : new RulingCollector(page, box, budget).collect();
                pages.add(new PdfPage(i + 1, box.getWidth(), box.getHeight(), glyphs, rulings));
            }
            return pages;
        } catch (InvalidPasswordException encrypted) {
            throw new UnreadableReportException(
                    "DAMAGED",
                    "PDF 已加密，无法读取，请提供未加密的文件",
                    "the PDF is encrypted and cannot be read; provide an unencrypted file",
                    encrypted);
        } catch (PdfBudget.Exceeded exceeded) {
            throw tooLarge(exceeded.getMessage());
        } catch (IOException | RuntimeException | StackOverflowError broken) {
            throw damaged(broken);
        }
    }

    /**
     * Decodes the pages' content (and their forms') up to a cap before anything is parsed: a few kilobytes of
     * compressed whitespace can decode to gigabytes that PDFBox would otherwise read to the end.
     */
    private static void checkContentSize(PDDocument document) throws IOException, UnreadableReportException {
        long remaining = PdfBudget.MAX_CONTENT_BYTES;
        byte[] buffer = new byte[64 * 1024];
        for (PDPage page : document.getPages()) {
            List<PDContentStream> streams = new ArrayList<>();
            if (page.hasContents()) {
                streams.add(page);
            }
            PDResources resources = page.getResources();
            if (resources != null) {
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDFormXObject form) {
                        streams.add(form);
                    }
                }
            }
            for (PDContentStream stream : streams) {
                // The parsing view inflates as it is read, where getContents() would inflate it all first.
                try (RandomAccessRead in = stream.getContentsForStreamParsing()) {
                    for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                        remaining -= read;
                        if (remaining < 0) {
                            throw tooLarge(
                                    "more than " + PdfBudget.MAX_CONTENT_BYTES / (1024 * 1024) + " MB of page content");
                        }
                    }
                }
            }
        }
    }

    private static UnreadableReportException damaged(Throwable cause) {
        String detail = cause == null ? "it has no pages" : String.valueOf(cause.getMessage());
        return new UnreadableReportException(
                "DAMAGED",
                "PDF 文件已损坏或格式不正确，无法读取",
                "the PDF is damaged or malformed and cannot be read (" + detail + ")",
                cause);
    }

    private static UnreadableReportException tooLarge(String what) {
        return new UnreadableReportException(
                "TOO_LARGE",
                "PDF 内容过多（" + what + "），不是年度报告",
                "the PDF holds too much content (" + what + "); it is not an annual report");
    }

    /** Keeps PDFBox's glyph positions (text direction adjusted) and nothing else of its text stripping. */
    private static final class GlyphCollector extends PDFTextStripper {
        private final PdfBudget budget;
        private final List<List<PdfGlyph>> pages = new ArrayList<>();
        private final Set<Long> seen = new HashSet<>();
        private int readable;

        GlyphCollector(PdfBudget budget, int pageCount) {
            this.budget = budget;
            for (int i = 0; i < pageCount; i++) {
                pages.add(new ArrayList<>());
            }
        }

        @Override
        protected void startPage(PDPage page) {
            seen.clear();
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            budget.operator();
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition position) {
            budget.glyph();
            String text = position.getUnicode();
            if (text == null || text.isBlank()) {
                return;
            }
            float x = position.getXDirAdj();
            float y = position.getYDirAdj();
            float width = position.getWidthDirAdj();
            float size = position.getFontSizeInPt();
            if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(width) || !Float.isFinite(size)) {
                return;
            }
            if (size <= 0.5f) {
                size = Math.max(position.getHeightDir() * 1.4f, 1f);
            }
            // Word's "bold" often prints each glyph twice at the same place.
            long key = ((long) text.hashCode() << 32) ^ ((long) Math.round(x * 2) << 16) ^ Math.round(y * 2);
            if (!seen.add(key)) {
                return;
            }
            int page = getCurrentPageNo() - 1;
            if (page < 0 || page >= pages.size()) {
                return;
            }
            readable++;
            pages.get(page).add(new PdfGlyph(normalize(text), x, y, Math.max(width, 0f), size));
        }

        /** Kangxi radicals and compatibility ideographs, which some fonts map to, become the ordinary characters. */
        private static String normalize(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c >= '\u2E80' && c <= '\u2FDF') || (c >= '\uF900' && c <= '\uFAFF')) {
                    return Normalizer.normalize(text, Normalizer.Form.NFKC);
                }
            }
            return text;
        }
    }

    /** Collects stroked (and thin filled) horizontal and vertical lines: the drawn grid of tables. */
    private static final class RulingCollector extends PDFGraphicsStreamEngine {
        private static final float THIN = 3f;

        private final PdfBudget budget;
        private final float left;
        private final float top;
        private final List<PdfSegment> segments = new ArrayList<>();
        private final List<float[]> pendingLines = new ArrayList<>();
        private final List<float[]> pendingRectangles = new ArrayList<>();
        private final Point2D.Float current = new Point2D.Float();
        private final Point2D.Float subpathStart = new Point2D.Float();

        RulingCollector(PDPage page, PDRectangle box, PdfBudget budget) {
            super(page);
            this.budget = budget;
            this.left = box.getLowerLeftX();
            this.top = box.getUpperRightY();
        }

        List<PdfSegment> collect() throws IOException {
            processPage(getPage());
            return segments;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            budget.operator();
            super.processOperator(operator, operands);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            pendingRectangles.add(new float[] {
                (float) Math.min(p0.getX(), p2.getX()), (float) Math.min(p0.getY(), p2.getY()),
                (float) Math.max(p0.getX(), p2.getX()), (float) Math.max(p0.getY(), p2.getY())
            });
        }

        @Override
        public void moveTo(float x, float y) {
            current.setLocation(x, y);
            subpathStart.setLocation(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            pendingLines.add(new float[] {current.x, current.y, x, y});
            current.setLocation(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current.setLocation(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            pendingLines.add(new float[] {current.x, current.y, subpathStart.x, subpathStart.y});
            current.setLocation(subpathStart);
        }

        @Override
        public void endPath() {
            discard();
        }

        @Override
        public void strokePath() {
            commit(true);
        }

        @Override
        public void fillPath(int windingRule) {
            commit(false);
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            commit(true);
        }

        @Override
        public void clip(int windingRule) {
            // The clipping path is ended by endPath: it is never drawn.
        }

        @Override
        public void drawImage(PDImage image) {}

        @Override
        public void shadingFill(COSName shadingName) {}

        private void commit(boolean stroked) {
            if (stroked) {
                for (float[] line : pendingLines) {
                    add(line[0], line[1], line[2], line[3]);
                }
            }
            for (float[] r : pendingRectangles) {
                float width = r[2] - r[0];
                float height = r[3] - r[1];
                if (width <= THIN && height > THIN) {
                    add((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
                } else if (height <= THIN && width > THIN) {
                    add(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
                } else if (stroked) {
                    add(r[0], r[1], r[2], r[1]);
                    add(r[0], r[3], r[2], r[3]);
                    add(r[0], r[1], r[0], r[3]);
                    add(r[2], r[1], r[2], r[3]);
                }
            }
            discard();
        }

        private void discard() {
            pendingLines.clear();
            pendingRectangles.clear();
        }

        private void add(float x1, float y1, float x2, float y2) {
            if (segments.size() >= MAX_RULINGS_PER_PAGE) {
                return;
            }
            // To page coordinates with y growing downwards, like the glyphs.
            float ax = x1 - left;
            float bx = x2 - left;
            float ay = top - y1;
            float by = top - y2;
            if (Math.abs(ay - by) < 1f && Math.abs(ax - bx) > 2f) {
                segments.add(new PdfSegment(true, (ay + by) / 2, Math.min(ax, bx), Math.max(ax, bx)));
            } else if (Math.abs(ax - bx) < 1f && Math.abs(ay - by) > 2f) {
                segments.add(new PdfSegment(false, (ax + bx) / 2, Math.min(ay, by), Math.max(ay, by)));
            }
        }
    }
}
