package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A table rebuilt from its drawn grid: the distinct ruling positions cut the table into atoms, and atoms with no
 * line between them belong to one (merged) cell. Glyphs go to the cell their centre falls in, so a label wrapped
 * over several lines, or written vertically one character per line, is one cell.
 */
final class PdfTable {

    private static final float TOLERANCE = 2f;

    /** One cell: its atom range (inclusive) and its text. */
    static final class Cell {
        final int row0;
        final int row1;
        final int col0;
        final int col1;
        final List<PdfGlyph> glyphs = new ArrayList<>();
        String text = "";

        Cell(int row0, int row1, int col0, int col1) {
            this.row0 = row0;
            this.row1 = row1;
            this.col0 = col0;
            this.col1 = col1;
        }

        int rowSpan() {
            return row1 - row0 + 1;
        }
    }

    final int page;
    final float[] xs;
    final float[] ys;
    private final Cell[][] atoms;
    private final List<Cell> cells;

    private PdfTable(int page, float[] xs, float[] ys, Cell[][] atoms, List<Cell> cells) {
        this.page = page;
        this.xs = xs;
        this.ys = ys;
        this.atoms = atoms;
        this.cells = cells;
    }

    float left() {
        return xs[0];
    }

    float right() {
        return xs[xs.length - 1];
    }

    float top() {
        return ys[0];
    }

    float bottom() {
        return ys[ys.length - 1];
    }

    int rowCount() {
        return ys.length - 1;
    }

    int columnCount() {
        return xs.length - 1;
    }

    Cell cellAt(int row, int col) {
        return atoms[row][col];
    }

    boolean contains(PdfGlyph glyph) {
        float x = glyph.centerX();
        float y = glyph.centerY();
        return x >= left() - 1 && x <= right() + 1 && y >= top() - 1 && y <= bottom() + 1;
    }

    void add(PdfGlyph glyph) {
        int col = band(xs, glyph.centerX());
        int row = band(ys, glyph.centerY());
        atoms[row][col].glyphs.add(glyph);
    }

    /** Computes every cell's text once all glyphs are in. */
    void finish() {
        for (Cell cell : cells) {
            cell.text = PdfTextLine.joinLines(PdfTextLine.group(cell.glyphs));
        }
    }

    /** The table's rows: per atom row, the cells that start in it, left to right (a spanning cell appears once). */
    List<List<Cell>> rows() {
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = 0; r < rowCount(); r++) {
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < columnCount(); c++) {
                Cell cell = atoms[r][c];
                if (cell.row0 == r && cell.col0 == c) {
                    row.add(cell);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    boolean sameColumns(PdfTable other) {
        if (other.xs.length != xs.length) {
            return false;
        }
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - other.xs[i]) > TOLERANCE + 1) {
                return false;
            }
        }
        return true;
    }

    private static int band(float[] edges, float position) {
        int index = Arrays.binarySearch(edges, position);
        if (index < 0) {
            index = -index - 2;
        }
        return Math.max(0, Math.min(edges.length - 2, index));
    }

    /** Finds the tables of a page: groups of touching ruling lines with at least two lines each way. */
    static List<PdfTable> detect(int page, List<PdfSegment> segments) {
        int n = segments.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (segments.get(i).touches(segments.get(j), TOLERANCE)) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        List<List<PdfSegment>> groups = new ArrayList<>();
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, -1);
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(segments.get(i));
        }
        List<PdfTable> tables = new ArrayList<>();
        for (List<PdfSegment> group : groups) {
            PdfTable table = build(page, group);
            if (table != null) {
                tables.add(table);
            }
        }
        tables.sort(Comparator.comparingDouble(PdfTable::top));
        return tables;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static PdfTable build(int page, List<PdfSegment> group) {
        List<PdfSegment> horizontal =
                group.stream().filter(PdfSegment::horizontal).toList();
        List<PdfSegment> vertical = group.stream().filter(s -> !s.horizontal()).toList();
        if (horizontal.size() < 2 || vertical.size() < 2) {
            return null;
        }
        List<Float> xPositions = new ArrayList<>();
        vertical.forEach(s -> xPositions.add(s.at()));
        horizontal.forEach(s -> {
            xPositions.add(s.from());
            xPositions.add(s.to());
        });
        List<Float> yPositions = new ArrayList<>();
        horizontal.forEach(s -> yPositions.add(s.at()));
        vertical.forEach(s -> {
            yPositions.add(s.from());
            yPositions.add(s.to());
        });
        float[] xs = cluster(xPositions);
        float[] ys = cluster(yPositions);
        if (xs.length < 2 || ys.length < 2) {
            return null;
        }
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        // Atoms are joined where no line separates them.
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            float middleY = (ys[r] + ys[r + 1]) / 2;
            for (int c = 0; c < cols; c++) {
                float middleX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !ruled(vertical, xs[c + 1], middleY)) {
                    parent[find(parent, r * cols + c)] = find(parent, r * cols + c + 1);
                }
                if (r + 1 < rows && !ruled(horizontal, ys[r + 1], middleX)) {
                    parent[find(parent, r * cols + c)] = find(parent, (r + 1) * cols + c);
                }
            }
        }
        int[][] bounds = new int[rows * cols][];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int root = find(parent, r * cols + c);
                int[] b = bounds[root];
                if (b == null) {
                    bounds[root] = new int[] {r, r, c, c};
                } else {
                    b[0] = Math.min(b[0], r);
                    b[1] = Math.max(b[1], r);
                    b[2] = Math.min(b[2], c);
                    b[3] = Math.max(b[3], c);
                }
            }
        }
        Cell[] byRoot = new Cell[rows * cols];
        Cell[][] atoms = new Cell[rows][cols];
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int root = find(parent, r * cols + c);
                if (byRoot[root] == null) {
                    int[] b = bounds[root];
                    byRoot[root] = new Cell(b[0], b[1], b[2], b[3]);
                    cells.add(byRoot[root]);
                }
                atoms[r][c] = byRoot[root];
            }
        }
        return new PdfTable(page, xs, ys, atoms, cells);
    }

    private static boolean ruled(List<PdfSegment> lines, float at, float across) {
        for (PdfSegment line : lines) {
            if (Math.abs(line.at() - at) <= TOLERANCE && line.covers(across, 0)) {
                return true;
            }
        }
        return false;
    }

    /** Distinct positions: values closer than the tolerance are one line (borders are often drawn twice). */
    private static float[] cluster(List<Float> positions) {
        float[] sorted = new float[positions.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = positions.get(i);
        }
        Arrays.sort(sorted);
        float[] out = new float[sorted.length];
        int count = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] - sorted[i - 1] > TOLERANCE) {
                float sum = 0;
                for (int k = start; k < i; k++) {
                    sum += sorted[k];
                }
                out[count++] = sum / (i - start);
                start = i;
            }
        }
        return Arrays.copyOf(out, count);
    }
}
