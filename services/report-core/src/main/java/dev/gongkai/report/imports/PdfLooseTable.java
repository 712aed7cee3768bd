package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A table drawn without ruling lines, rebuilt from the gaps between words: each visual line is a row of chunks.
 * The rows that carry numbers anchor the table; a label wrapped above or below its numbers joins the nearest
 * anchor when it sits closer than a row's height, a word cut under its first half (商业企 / 业) joins the chunk
 * above it, and a vertical label (one character per line in one column) is dropped.
 */
final class PdfLooseTable {

    static final Pattern NUMBER = Pattern.compile("[-+]?[\\d,，]*[.．]?\\d+%?");
    static final Pattern LABEL_START = Pattern.compile("^([（(]?[一二三四五六七八九十]+[）)、]|[（(]\\d+[）)]|\\d+[.．、]|第)");

    /** A cell being rebuilt: its column position and its text fragments top to bottom. */
    private static final class Cell {
        final float left;
        final float right;
        final StringBuilder text = new StringBuilder();
        float firstBaseline;
        float lastBaseline;

        Cell(PdfTextLine.Chunk chunk) {
            left = chunk.left();
            right = chunk.right();
            text.append(chunk.text());
            firstBaseline = chunk.baseline();
            lastBaseline = chunk.baseline();
        }

        void prepend(Cell above) {
            text.insert(0, above.text);
            firstBaseline = above.firstBaseline;
        }

        void append(Cell below) {
            text.append(below.text);
            lastBaseline = below.lastBaseline;
        }

        boolean numeric() {
            return NUMBER.matcher(text).matches();
        }
    }

    private static final class Row {
        final float baseline;
        final float top;
        final float size;
        final List<Cell> cells = new ArrayList<>();

        Row(PdfTextLine line) {
            baseline = line.baseline;
            top = line.top();
            size = line.size;
            line.chunks().forEach(chunk -> cells.add(new Cell(chunk)));
        }

        boolean anchor() {
            return cells.size() >= 2 && cells.stream().anyMatch(Cell::numeric);
        }
    }

    /** One rebuilt row: where it starts on the page and its cells. */
    record Line(float top, List<String> cells) {}

    private PdfLooseTable() {}

    static List<Line> rows(List<PdfTextLine> lines) {
        List<Row> rows = new ArrayList<>();
        lines.forEach(line -> rows.add(new Row(line)));
        dropVerticalLabels(rows);
        rows.removeIf(row -> row.cells.isEmpty());
        float pitch = anchorPitch(rows);
        if (pitch > 0) {
            attachWrappedLabels(rows, pitch);
            joinCutWords(rows, pitch);
        }
        List<Line> out = new ArrayList<>();
        for (Row row : rows) {
            if (!row.cells.isEmpty()) {
                out.add(new Line(
                        row.top,
                        row.cells.stream().map(cell -> cell.text.toString()).toList()));
            }
        }
        return out;
    }

    /** One or two CJK characters in one column on three rows or more: a label written top to bottom. */
    private static void dropVerticalLabels(List<Row> rows) {
        List<Cell> candidates = new ArrayList<>();
        for (Row row : rows) {
            for (Cell cell : row.cells) {
                if (cell.text.length() <= 2 && cell.text.codePoints().anyMatch(c -> c >= 0x2E80)) {
                    candidates.add(cell);
                }
            }
        }
        List<Cell> vertical = new ArrayList<>();
        for (Cell cell : candidates) {
            long column = candidates.stream()
                    .filter(other -> Math.abs(other.left - cell.left) <= 1.5f)
                    .count();
            if (column >= 3) {
                vertical.add(cell);
            }
        }
        rows.forEach(row -> row.cells.removeIf(vertical::contains));
    }

    /** The usual distance between rows that carry numbers, or 0 when there are too few to tell. */
    private static float anchorPitch(List<Row> rows) {
        List<Float> steps = new ArrayList<>();
        Row previous = null;
        for (Row row : rows) {
            if (row.anchor()) {
                if (previous != null) {
                    steps.add(row.baseline - previous.baseline);
                }
                previous = row;
            }
        }
        if (steps.isEmpty()) {
            return 0;
        }
        float[] sorted = new float[steps.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = steps.get(i);
        }
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    private static void attachWrappedLabels(List<Row> rows, float pitch) {
        for (Row row : List.copyOf(rows)) {
            if (row.anchor() || row.cells.stream().anyMatch(Cell::numeric)) {
                continue;
            }
            Row nearest = null;
            for (Row candidate : rows) {
                if (candidate.anchor()
                        && (nearest == null
                                || Math.abs(candidate.baseline - row.baseline)
                                        < Math.abs(nearest.baseline - row.baseline))) {
                    nearest = candidate;
                }
            }
            if (nearest == null || Math.abs(nearest.baseline - row.baseline) > 0.75f * pitch || !fits(row, nearest)) {
                continue;
            }
            boolean above = row.baseline < nearest.baseline;
            for (Cell cell : row.cells) {
                Cell same = sameColumn(nearest, cell);
                if (same == null) {
                    int at = 0;
                    while (at < nearest.cells.size() && nearest.cells.get(at).left < cell.left) {
                        at++;
                    }
                    nearest.cells.add(at, cell);
                } else if (above) {
                    same.prepend(cell);
                } else {
                    same.append(cell);
                }
            }
            rows.remove(row);
        }
    }

    /** Every fragment either starts where a cell of the anchor starts or lands where the anchor has nothing. */
    private static boolean fits(Row fragments, Row anchor) {
        for (Cell cell : fragments.cells) {
            if (sameColumn(anchor, cell) != null) {
                continue;
            }
            for (Cell other : anchor.cells) {
                if (other.left < cell.right && cell.left < other.right) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Cell sameColumn(Row row, Cell cell) {
        for (Cell other : row.cells) {
            if (Math.abs(other.left - cell.left) <= 2f) {
                return other;
            }
        }
        return null;
    }

    /** A chunk closer to the chunk above it than rows are to each other, and not a label of its own, continues it. */
    private static void joinCutWords(List<Row> rows, float pitch) {
        for (Row row : rows) {
            for (Cell cell : List.copyOf(row.cells)) {
                if (cell.numeric() || LABEL_START.matcher(cell.text).find()) {
                    continue;
                }
                Cell above = null;
                for (Row other : rows) {
                    for (Cell candidate : other.cells) {
                        if (candidate != cell
                                && Math.abs(candidate.left - cell.left) <= 2f
                                && candidate.lastBaseline < cell.firstBaseline
                                && (above == null || candidate.lastBaseline > above.lastBaseline)) {
                            above = candidate;
                        }
                    }
                }
                if (above != null && !above.numeric() && cell.firstBaseline - above.lastBaseline < 0.8f * pitch) {
                    above.append(cell);
                    row.cells.remove(cell);
                }
            }
        }
    }
}
