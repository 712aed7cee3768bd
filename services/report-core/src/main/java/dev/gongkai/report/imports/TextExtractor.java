package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads text as sites and scrapers flatten a report: one line per paragraph or table row, a row's cells joined by
 * '|' (or the full-width '｜', or a box-drawing '│' of a text browser's table, whose borders are empty lines). Cells
 * are trimmed; empty cells are kept, because in a row they are blank cells.
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
        if (isBorder(text, start, end)) {
            return new SourceLine(List.of(""));
        }
        List<String> cells = new ArrayList<>();
        int cell = start;
        boolean tab = false;
        boolean spaces = false;
        for (int i = start; i < end && cells.size() < MAX_CELLS - 1; i++) {
            char c = text.charAt(i);
            if (isBar(c)) {
                cells.add(trimmed(text, cell, i));
                cell = i + 1;
            } else if (c == '\t') {
                tab = true;
            } else if (i + 1 < end && isGap(c) && isGap(text.charAt(i + 1))) {
                spaces = true;
            }
        }
        cells.add(trimmed(text, cell, end));
        if (cells.size() == 1 && (tab || spaces)) {
            // untrimmed: a TAB at the end of the row is its last, blank, cell
            List<String> columns = columns(text.substring(start, end), tab);
            if (columns != null) {
                return new SourceLine(columns);
            }
        } else if (cells.size() == 1) {
            List<String> numbers = numbersAfterLabel(cells.getFirst());
            if (numbers != null) {
                return new SourceLine(numbers);
            }
        }
        return new SourceLine(cells);
    }

    /**
     * A table row whose cells a PDF's text ({@code pdftotext -raw}, a viewer's copy) separates by single spaces:
     * «规章 1 0 11», «（七）总计 2932 53 0 0 61 4 3050», or table 四's values alone on one line. The numbers at the
     * end of the line become cells, the words before them one cell; null for anything else. A sentence is never a
     * row: words with a comma, a full stop or a colon before the numbers («…共计 95») stay one paragraph, as does a
     * label glued to its first number («规章1 0 11», read by the arithmetic instead).
     */
    private static List<String> numbersAfterLabel(String line) {
        int lastGap = Math.max(line.lastIndexOf(' '), Math.max(line.lastIndexOf('\u3000'), line.lastIndexOf('\u00A0')));
        if (lastGap < 0 || !CellText.isNumber(TextNormalizer.label(line.substring(lastGap + 1)))) {
            return null; // most lines are prose, without a number after their last space: nothing to split
        }
        String[] tokens = line.split("[ \u3000\u00A0]+");
        int first = tokens.length;
        while (first > 0 && CellText.isNumber(TextNormalizer.label(tokens[first - 1]))) {
            first--;
        }
        int numbers = tokens.length - first;
        if (numbers == 0 || (first == 0 && numbers < 2)) {
            return null;
        }
        List<String> cells = new ArrayList<>(numbers + 1);
        if (first > 0) {
            String label = String.join(" ", java.util.Arrays.asList(tokens).subList(0, first));
            char last = label.charAt(label.length() - 1);
            if (label.length() > Labels.MAX_ROW_LABEL
                    || Character.isDigit(last)
                    || label.chars().anyMatch(c -> "，。；：！？,;:!?".indexOf(c) >= 0)) {
                return null;
            }
            cells.add(label);
        }
        for (int i = first; i < tokens.length; i++) {
            cells.add(tokens[i]);
        }
        return cells;
    }

    /**
     * A cell separator: '|' and its full-width form, and the vertical lines of box drawing, as text browsers
     * ({@code w3m -dump}) and some editors draw a table («│ 规章 │ 0 │ 0 │ 0 │»).
     */
    private static boolean isBar(char c) {
        return c == '|' || c == '\uFF5C' || c == '\u2502' || c == '\u2503' || c == '\u2551';
    }

    /** A table's border drawn with box-drawing characters («├────┼────┤»): no row, an empty line. */
    private static boolean isBorder(String text, int start, int end) {
        boolean drawn = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '\u2500' && c <= '\u257F') {
                drawn = true;
            } else if (!TextNormalizer.isSpace(c)) {
                return false;
            }
        }
        return drawn;
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '\u3000' || c == '\u00A0';
    }

    /**
     * A table row copied out of Word or WPS (cells between TABs, empty ones kept) or out of a PDF viewer (columns
     * aligned with runs of two or more spaces), or null when the line is a sentence: only a line with a value (or,
     * between TABs, an empty cell) after its first cell is a row, so prose with a TAB or double spaces stays one
     * paragraph.
     */
    private static List<String> columns(String line, boolean tab) {
        List<String> cells = new ArrayList<>();
        int cell = 0;
        int length = line.length();
        while (!tab && cell < length && isGap(line.charAt(cell))) {
            cell++; // an indent is no cell: only a TAB before the first cell leaves it empty
        }
        for (int i = cell; i < length && cells.size() < MAX_CELLS - 1; i++) {
            char c = line.charAt(i);
            if (tab ? c == '\t' : isGap(c) && i + 1 < length && isGap(line.charAt(i + 1))) {
                cells.add(trimmed(line, cell, i));
                int next = i + 1;
                while (!tab && next < length && isGap(line.charAt(next))) {
                    next++;
                }
                cell = next;
                i = next - 1;
            }
        }
        cells.add(trimmed(line, cell, length));
        for (int i = 1; i < cells.size(); i++) {
            // between TABs an empty cell is a blank one; a run of spaces cannot hold one
            if (CellText.isValue(TextNormalizer.label(cells.get(i)))
                    && (tab || !cells.get(i).isEmpty())) {
                return cells;
            }
        }
        return null;
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
