package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns positioned glyphs into the report's lines: tables from their drawn grid (continued across page breaks),
 * paragraphs from their wrapped visual lines, page headers, footers and numbers dropped.
 */
final class PdfLayout {

    /** "- 3 -", "— 3 —", "第 3 页", "第3页 共6页", "3/6", "Page 3 of 6". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "[-—–－_~·•]*\\d{1,4}[-—–－_~·•]*|第\\d+页(/?共\\d+页)?|\\d+/\\d+|共\\d+页第\\d+页|(?i:page\\d+(of\\d+)?)");

    private static final Pattern LABEL_START = PdfLooseTable.LABEL_START;
    private static final Pattern NUMBER = PdfLooseTable.NUMBER;

    /** What a page holds, top to bottom: paragraph lines, rows of tables drawn without lines, drawn tables. */
    private sealed interface Block permits LineBlock, RowBlock, TableBlock {
        int page();

        float top();
    }

    private record LineBlock(PdfTextLine line, List<PdfTextLine.Chunk> chunks) implements Block {
        @Override
        public int page() {
            return line.page;
        }

        @Override
        public float top() {
            return line.top();
        }
    }

    /** A row of a table drawn without lines. */
    private record RowBlock(int page, float top, List<String> cells) implements Block {}

    private record TableBlock(PdfTable table) implements Block {
        @Override
        public int page() {
            return table.page;
        }

        @Override
        public float top() {
            return table.top();
        }
    }

    private final List<SourceLine> out = new ArrayList<>();
    private float bodySize;
    private float leftMargin;
    private float rightMargin;

    private PdfLayout() {}

    static List<SourceLine> lines(List<PdfPage> pages) {
        PdfLayout layout = new PdfLayout();
        layout.emit(layout.blocks(pages));
        return layout.out;
    }

    private List<Block> blocks(List<PdfPage> pages) {
        List<List<Block>> byPage = new ArrayList<>();
        for (PdfPage page : pages) {
            byPage.add(pageBlocks(page));
        }
        dropChrome(pages, byPage);
        measure(byPage);
        List<Block> blocks = new ArrayList<>();
        byPage.forEach(page -> blocks.addAll(looseTables(page)));
        return blocks;
    }

    /**
     * Runs of lines cut by wide gaps (with the small-print lines between them) are tables drawn without lines:
     * they are rebuilt as a whole, so that wrapped labels find their row.
     */
    private List<Block> looseTables(List<Block> page) {
        List<Block> out = new ArrayList<>();
        int i = 0;
        while (i < page.size()) {
            int end = i;
            int cut = 0;
            while (end < page.size()
                    && page.get(end) instanceof LineBlock line
                    && (line.chunks().size() > 1 || line.line().size < 0.9f * bodySize)) {
                cut += line.chunks().size() > 1 ? 1 : 0;
                end++;
            }
            if (cut < 2) {
                out.add(page.get(i));
                i++;
                continue;
            }
            List<PdfTextLine> lines = new ArrayList<>();
            for (int k = i; k < end; k++) {
                lines.add(((LineBlock) page.get(k)).line());
            }
            int number = page.get(i).page();
            for (PdfLooseTable.Line row : PdfLooseTable.rows(lines)) {
                out.add(new RowBlock(number, row.top(), row.cells()));
            }
            i = end;
        }
        return out;
    }

    private static List<Block> pageBlocks(PdfPage page) {
        List<PdfTable> tables = new ArrayList<>(PdfTable.detect(page.number(), page.rulings()));
        tables.removeIf(table -> table.rowCount() * table.columnCount() < 2);
        List<PdfGlyph> loose = new ArrayList<>();
        for (PdfGlyph glyph : page.glyphs()) {
            PdfTable home = null;
            for (PdfTable table : tables) {
                if (table.contains(glyph)) {
                    home = table;
                    break;
                }
            }
            if (home == null) {
                loose.add(glyph);
            } else {
                home.add(glyph);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (PdfTable table : tables) {
            table.finish();
            blocks.add(new TableBlock(table));
        }
        for (PdfTextLine line : PdfTextLine.group(page.number(), loose)) {
            blocks.add(new LineBlock(line, line.chunks()));
        }
        blocks.sort(Comparator.comparingDouble(Block::top));
        return blocks;
    }

    /** Page numbers and running headers or footers: in the page's top or bottom tenth, numbered or repeated. */
    private static void dropChrome(List<PdfPage> pages, List<List<Block>> byPage) {
        Map<String, Set<Integer>> pagesByText = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            for (Block block : byPage.get(i)) {
                if (block instanceof LineBlock line && inMargin(pages.get(i), line.line())) {
                    pagesByText
                            .computeIfAbsent(shape(line.line()), k -> new HashSet<>())
                            .add(i);
                }
            }
        }
        for (int i = 0; i < pages.size(); i++) {
            PdfPage page = pages.get(i);
            byPage.get(i)
                    .removeIf(block -> block instanceof LineBlock line
                            && inMargin(page, line.line())
                            && (PAGE_NUMBER.matcher(compact(line.line().text())).matches()
                                    || pages.size() >= 3
                                            && pagesByText
                                                            .get(shape(line.line()))
                                                            .size()
                                                    >= 3));
        }
    }

    private static boolean inMargin(PdfPage page, PdfTextLine line) {
        return line.top() < 0.1f * page.height() || line.baseline > 0.9f * page.height();
    }

    private static String shape(PdfTextLine line) {
        return compact(line.text()).replaceAll("\\d+", "#");
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** The body text's size and margins, to tell a wrapped line from the end of a paragraph. */
    private void measure(List<List<Block>> byPage) {
        Map<Float, Integer> sizes = new HashMap<>();
        List<PdfTextLine> lines = new ArrayList<>();
        for (List<Block> blocks : byPage) {
            for (Block block : blocks) {
                if (block instanceof LineBlock line && line.chunks().size() == 1) {
                    lines.add(line.line());
                    sizes.merge(
                            Math.round(line.line().size * 2) / 2f,
                            line.line().glyphs.size(),
                            Integer::sum);
                }
            }
        }
        bodySize = sizes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(12f);
        List<Float> lefts = new ArrayList<>();
        Map<Integer, Integer> rights = new HashMap<>();
        for (PdfTextLine line : lines) {
            if (Math.abs(line.size - bodySize) < 0.6f) {
                lefts.add(line.left());
                rights.merge(Math.round(line.right()), 1, Integer::sum);
            }
        }
        Collections.sort(lefts);
        leftMargin = lefts.isEmpty() ? 0 : lefts.get(lefts.size() / 20);
        rightMargin = rights.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(Integer.MAX_VALUE);
    }

    private void emit(List<Block> blocks) {
        StringBuilder paragraph = new StringBuilder();
        PdfTextLine previous = null;
        List<List<PdfTable.Cell>> run = new ArrayList<>();
        PdfTable lastTable = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block instanceof TableBlock(PdfTable table)) {
                flush(paragraph);
                previous = null;
                boolean continues = lastTable != null
                        && blocks.get(i - 1) instanceof TableBlock
                        && table.page == lastTable.page + 1
                        && Math.abs(table.left() - lastTable.left()) <= 3
                        && Math.abs(table.right() - lastTable.right()) <= 3
                        && lastOnPage(blocks, i - 1)
                        && firstOnPage(blocks, i);
                if (!continues) {
                    emitRows(run);
                    run = new ArrayList<>();
                    run.addAll(table.rows());
                } else {
                    continueRun(run, lastTable, table);
                }
                lastTable = table;
                continue;
            }
            if (block instanceof RowBlock(int page, float top, List<String> cells)) {
                flush(paragraph);
                emitRows(run);
                run = new ArrayList<>();
                lastTable = null;
                previous = null;
                out.add(new SourceLine(cells));
                continue;
            }
            LineBlock line = (LineBlock) block;
            if (line.chunks().size() > 1) {
                flush(paragraph);
                emitRows(run);
                run = new ArrayList<>();
                lastTable = null;
                previous = null;
                out.add(new SourceLine(
                        line.chunks().stream().map(PdfTextLine.Chunk::text).toList()));
                continue;
            }
            emitRows(run);
            run = new ArrayList<>();
            lastTable = null;
            if (previous != null && !continuesParagraph(previous, line.line())) {
                flush(paragraph);
            }
            PdfTextLine.append(paragraph, line.line().text());
            previous = line.line();
        }
        flush(paragraph);
        emitRows(run);
    }

    private static boolean lastOnPage(List<Block> blocks, int index) {
        return index + 1 >= blocks.size()
                || blocks.get(index + 1).page() != blocks.get(index).page();
    }

    private static boolean firstOnPage(List<Block> blocks, int index) {
        return index == 0 || blocks.get(index - 1).page() != blocks.get(index).page();
    }

    /**
     * A table broken by a page: repeated header rows are dropped, and a merged cell cut by the break (a group
     * label "（四）无" + "法提供", the vertical label's empty remainder) is joined back into one cell.
     */
    private static void continueRun(List<List<PdfTable.Cell>> run, PdfTable before, PdfTable after) {
        List<List<PdfTable.Cell>> rows = new ArrayList<>(after.rows());
        int repeated = 0;
        while (repeated < rows.size()
                && repeated < run.size()
                && repeated < 3
                && !rowText(rows.get(repeated)).isBlank()
                && rowText(rows.get(repeated)).equals(rowText(run.get(repeated)))) {
            repeated++;
        }
        rows.subList(0, repeated).clear();
        if (repeated == 0 && before.sameColumns(after) && !rows.isEmpty()) {
            List<PdfTable.Cell> first = new ArrayList<>(rows.getFirst());
            for (int c = 0; c < after.columnCount(); c++) {
                PdfTable.Cell above = before.cellAt(before.rowCount() - 1, c);
                PdfTable.Cell below = after.cellAt(0, c);
                if (above.col0 == c
                        && below.col0 == c
                        && above.col1 == below.col1
                        && first.contains(below)
                        && continuesCell(above, below)) {
                    above.text = above.text + below.text;
                    first.remove(below);
                }
            }
            rows.set(0, first);
        }
        run.addAll(rows);
    }

    private static boolean continuesCell(PdfTable.Cell above, PdfTable.Cell below) {
        if (above.rowSpan() == 1 && below.rowSpan() == 1) {
            return false;
        }
        if (below.text.isBlank()) {
            return above.rowSpan() > 1 && below.rowSpan() > 1;
        }
        return !above.text.isBlank()
                && !NUMBER.matcher(above.text).matches()
                && !NUMBER.matcher(below.text).matches()
                && !LABEL_START.matcher(below.text).find();
    }

    private static String rowText(List<PdfTable.Cell> row) {
        StringBuilder text = new StringBuilder();
        for (PdfTable.Cell cell : row) {
            text.append(cell.text).append('|');
        }
        return text.toString();
    }

    private void emitRows(List<List<PdfTable.Cell>> rows) {
        for (List<PdfTable.Cell> row : rows) {
            if (row.isEmpty() || row.stream().allMatch(cell -> cell.text.isBlank())) {
                continue;
            }
            out.add(new SourceLine(row.stream().map(cell -> cell.text).toList()));
        }
    }

    private void flush(StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            out.add(SourceLine.of(paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    /**
     * A wrapped line continues its paragraph when the line before it reached the right margin and it does not
     * start indented. Lines larger than the body (a title set over two lines) join when they follow closely.
     */
    private boolean continuesParagraph(PdfTextLine previous, PdfTextLine line) {
        if (Math.abs(previous.size - line.size) > 0.6f) {
            return false;
        }
        boolean nextPage = line.page == previous.page + 1;
        if (line.page != previous.page && !nextPage) {
            return false;
        }
        float step = line.baseline - previous.baseline;
        if (line.size > bodySize * 1.15f) {
            return !nextPage && step > 0 && step < 2.2f * line.size;
        }
        if (!nextPage && (step <= 0 || step > 2.5f * line.size)) {
            return false;
        }
        boolean filled = previous.right() >= rightMargin - 1.5f * previous.size;
        boolean indented = line.left() > leftMargin + 0.6f * line.size;
        return filled && !indented;
    }
}
