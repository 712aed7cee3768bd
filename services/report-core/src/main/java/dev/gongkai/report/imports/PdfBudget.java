package dev.gongkai.report.imports;

/**
 * Bounds the work spent on one PDF: a report has a few thousand glyphs and operators, so anything far beyond that
 * is refused instead of read. Counting happens inside PDFBox's content stream loop, so a hostile file stops early.
 */
final class PdfBudget {

    static final int MAX_PAGES = 300;
    /** Decoded page content, all pages together (the Huai'an report has well under one megabyte). */
    static final long MAX_CONTENT_BYTES = 48L * 1024 * 1024;

    static final int MAX_GLYPHS = 300_000;
    static final long MAX_OPERATORS = 4_000_000;
    static final long MAX_NANOS = 20_000_000_000L;

    /** Thrown from inside PDFBox callbacks, which only let I/O exceptions through in a few places. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String what) {
            super(what, null, false, false);
        }
    }

    private final long deadline = System.nanoTime() + MAX_NANOS;
    private long operators;
    private int glyphs;

    void operator() {
        operators++;
        if (operators > MAX_OPERATORS) {
            throw new Exceeded("more than " + MAX_OPERATORS + " content operators");
        }
        if ((operators & 0x3ff) == 0 && System.nanoTime() > deadline) {
            throw new Exceeded("reading took longer than " + MAX_NANOS / 1_000_000_000L + " s");
        }
    }

    void glyph() {
        glyphs++;
        if (glyphs > MAX_GLYPHS) {
            throw new Exceeded("more than " + MAX_GLYPHS + " glyphs");
        }
    }
}
