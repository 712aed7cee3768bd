package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads text as sites and scrapers flatten a report: one line per paragraph or table row, a row's cells joined by
 * '|' (or the full-width '｜'). Cells are trimmed; empty cells are kept, because in a row they are blank cells.
 */
final class TextExtractor implements SourceExtractor {

    /** No table row has more cells; beyond this a line's rest is kept as one cell so hostile input stays small. */
    static final int MAX_CELLS = 256;

    @Override
    public SourceDocument extract(byte[] content) {
        return split(TextDecoding.decode(content));
    }

    static SourceDocument split(String text) {
        List<SourceLine> lines = new ArrayList<>(Math.min(ReportAssembler.MAX_LINES, 64 + text.length() / 40));
        int length = text.length();
        int start = 0;
        while (start <= length && lines.size() < ReportAssembler.MAX_LINES) {
            int end = start;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            lines.add(cells(text, start, end));
            if (end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        return new SourceDocument(SourceType.TEXT, lines);
    }

    private static SourceLine cells(String text, int start, int end) {
        List<String> cells = new ArrayList<>();
        int cell = start;
        for (int i = start; i < end && cells.size() < MAX_CELLS - 1; i++) {
            char c = text.charAt(i);
            if (c == '|' || c == '\uFF5C') {
                cells.add(trimmed(text, cell, i));
                cell = i + 1;
            }
        }
        cells.add(trimmed(text, cell, end));
        return new SourceLine(cells);
    }

    /** The text between start and end without surrounding whitespace, copied once. */
    private static String trimmed(String text, int start, int end) {
        while (start < end && TextNormalizer.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && TextNormalizer.isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
