package dev.gongkai.report.imports;

import java.util.List;

/** What one page holds for layout: its glyphs, its ruling lines and its size (1-based number). */
record PdfPage(int number, float width, float height, List<PdfGlyph> glyphs, List<PdfSegment> rulings) {
    PdfPage {
        glyphs = List.copyOf(glyphs);
        rulings = List.copyOf(rulings);
    }
}
