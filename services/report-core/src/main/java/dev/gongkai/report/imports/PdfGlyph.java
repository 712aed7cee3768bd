package dev.gongkai.report.imports;

/**
 * One glyph of a PDF page's text layer, in page coordinates with y growing downwards (as a reader sees the page).
 * {@code y} is the baseline; {@code size} the font size in points.
 */
record PdfGlyph(String text, float x, float y, float width, float size) {

    float right() {
        return x + width;
    }

    float centerX() {
        return x + width / 2;
    }

    /** The middle of the glyph's body: CJK glyphs sit about 0.88 em above the baseline. */
    float centerY() {
        return y - 0.35f * size;
    }

    float top() {
        return y - 0.85f * size;
    }
}
