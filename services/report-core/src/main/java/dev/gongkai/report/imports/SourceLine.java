package dev.gongkai.report.imports;

import java.util.List;

/**
 * One line of a source as its extractor sees it: a paragraph is one cell, a table row is its cells in reading
 * order. Every source type (text, HTML, Word, PDF) reduces to lines before the report is recognised, so the
 * recognition of titles, sections, labels and numbers is written once ({@link ReportAssembler}).
 */
public record SourceLine(List<String> cells) {
    public SourceLine {
        cells = List.copyOf(cells);
    }

    public static SourceLine of(String... cells) {
        return new SourceLine(List.of(cells));
    }

    public boolean isParagraph() {
        return cells.size() == 1;
    }

    /** The cells joined by " | ", as the seed layout writes a row. */
    public String text() {
        return String.join(" | ", cells);
    }
}
