package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Glyphs that share a baseline, left to right: one visual line of a page or of a table cell. */
final class PdfTextLine {

    final int page;
    final List<PdfGlyph> glyphs;
    final float baseline;
    final float size;

    private PdfTextLine(int page, List<PdfGlyph> glyphs) {
        this.page = page;
        this.glyphs = glyphs;
        float sum = 0;
        float max = 0;
        for (PdfGlyph glyph : glyphs) {
            sum += glyph.y();
            max = Math.max(max, glyph.size());
        }
        this.baseline = sum / glyphs.size();
        this.size = max;
    }

    float left() {
        return glyphs.getFirst().x();
    }

    float right() {
        return glyphs.getLast().right();
    }

    float top() {
        return baseline - 0.85f * size;
    }

    String text() {
        return join(glyphs);
    }

    /** A run of glyphs without a wide gap: a cell of a table drawn without lines, or a whole paragraph line. */
    record Chunk(float left, float right, float baseline, String text) {}

    /**
     * The line cut where the gap between glyphs is wide (more than 1.5 em): the cells of a table drawn without
     * lines. A paragraph line is one chunk.
     */
    List<Chunk> chunks() {
        List<Chunk> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= glyphs.size(); i++) {
            if (i == glyphs.size() || cut(glyphs.get(i - 1), glyphs.get(i))) {
                List<PdfGlyph> part = glyphs.subList(start, i);
                chunks.add(new Chunk(part.getFirst().x(), part.getLast().right(), baseline, join(part)));
                start = i;
            }
        }
        return chunks;
    }

    /** A wide gap, or a clear gap between two numbers (numbers in prose are never spaced apart). */
    private boolean cut(PdfGlyph left, PdfGlyph right) {
        float gap = gap(left, right);
        return gap > 1.5f * size
                || gap > 0.6f * size
                        && endsWithDigit(left.text())
                        && Character.isDigit(right.text().charAt(0));
    }

    private static boolean endsWithDigit(String text) {
        return Character.isDigit(text.charAt(text.length() - 1));
    }

    /** Groups glyphs into visual lines, top to bottom (a small baseline shift, e.g. digits in CJK text, is kept). */
    static List<PdfTextLine> group(int page, List<PdfGlyph> glyphs) {
        List<PdfGlyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(PdfGlyph::y).thenComparingDouble(PdfGlyph::x));
        List<PdfTextLine> lines = new ArrayList<>();
        List<PdfGlyph> current = new ArrayList<>();
        float first = 0;
        float smallest = 0;
        for (PdfGlyph glyph : sorted) {
            if (!current.isEmpty()) {
                float tolerance = Math.max(1.5f, 0.45f * Math.min(smallest, glyph.size()));
                if (glyph.y() - first > tolerance) {
                    lines.add(line(page, current));
                    current = new ArrayList<>();
                }
            }
            if (current.isEmpty()) {
                first = glyph.y();
                smallest = glyph.size();
            }
            smallest = Math.min(smallest, glyph.size());
            current.add(glyph);
        }
        if (!current.isEmpty()) {
            lines.add(line(page, current));
        }
        return lines;
    }

    static List<PdfTextLine> group(List<PdfGlyph> glyphs) {
        return group(0, glyphs);
    }

    private static PdfTextLine line(int page, List<PdfGlyph> glyphs) {
        List<PdfGlyph> byX = new ArrayList<>(glyphs);
        byX.sort(Comparator.comparingDouble(PdfGlyph::x));
        return new PdfTextLine(page, byX);
    }

    /** Lines of one cell or paragraph as one text: CJK joins without a space, Latin words with one. */
    static String joinLines(List<PdfTextLine> lines) {
        StringBuilder text = new StringBuilder();
        for (PdfTextLine line : lines) {
            append(text, line.text());
        }
        return text.toString();
    }

    static void append(StringBuilder text, String next) {
        if (next.isEmpty()) {
            return;
        }
        if (!text.isEmpty() && latin(text.charAt(text.length() - 1)) && latin(next.charAt(0))) {
            text.append(' ');
        }
        text.append(next);
    }

    private static String join(List<PdfGlyph> glyphs) {
        StringBuilder text = new StringBuilder();
        PdfGlyph previous = null;
        for (PdfGlyph glyph : glyphs) {
            if (previous != null && !text.isEmpty()) {
                float gap = gap(previous, glyph);
                char before = text.charAt(text.length() - 1);
                char after = glyph.text().charAt(0);
                float em = Math.max(previous.size(), glyph.size());
                if (gap > 0.2f * em && latin(before) && latin(after) || gap > 1.5f * em) {
                    text.append(' ');
                }
            }
            text.append(glyph.text());
            previous = glyph;
        }
        return text.toString();
    }

    private static float gap(PdfGlyph left, PdfGlyph right) {
        return right.x() - left.right();
    }

    private static boolean latin(char c) {
        return c < 0x0300 && !Character.isWhitespace(c);
    }
}
