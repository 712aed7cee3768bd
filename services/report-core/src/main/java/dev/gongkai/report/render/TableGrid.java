package dev.gongkai.report.render;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportTable;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.model.TableRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The national template's tables as rows of cells with their spans, derived from the layout's row and column
 * groups. The HTML renderer turns it into markup; the text renderer flattens each row to its cells joined by " | ",
 * as text extraction of the same template does.
 */
final class TableGrid {

    static final String BALANCE_NOTE = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)";
    static final String CONTENT_HEADER = "信息内容";

    enum Kind {
        HEADER,
        NOTE,
        VALUE
    }

    /**
     * One cell. {@code scope} is the header's scope ("col", "colgroup", "row", "rowgroup") or null; {@code headers}
     * the ids of every header that describes a value cell; {@code cellKey} the value cell's key.
     */
    record Cell(
            Kind kind,
            String text,
            int colspan,
            int rowspan,
            String id,
            String scope,
            List<String> headers,
            String cellKey,
            String state,
            String cssClass) {

        static Cell header(String text, String id, String scope, int colspan, int rowspan, String cssClass) {
            return new Cell(Kind.HEADER, text, colspan, rowspan, id, scope, List.of(), null, null, cssClass);
        }
    }

    /** A row of the table; {@code head} rows go in {@code <thead>}. */
    record Row(boolean head, List<Cell> cells) {}

    /** A whole table; empty when the report holds none of its cells. */
    record Grid(Section section, String id, List<Row> rows) {}

    private TableGrid() {}

    static Grid of(AnnualReport report, ReportTable table) {
        return switch (table.section()) {
            case S2 -> table2(report, table);
            case S3 -> table3(report, table);
            case S4 -> table4(report, table);
            default -> throw new IllegalArgumentException("no table in " + table.section());
        };
    }

    // ---- table 二: one block per 第二十条 item, each with its own header row -----------------------------------

    private static Grid table2(AnnualReport report, ReportTable table) {
        String prefix = table.keyPrefix();
        int valueColumns =
                table.rows().stream().mapToInt(r -> r.columns().size()).max().orElse(1);
        int width = 1 + valueColumns;
        List<Row> rows = new ArrayList<>();
        List<TableRow> present = present(report, table.rows());
        int block = 0;
        for (int start = 0; start < present.size(); ) {
            String group = groupAt(present.get(start), 0);
            int end = start;
            while (end < present.size() && groupAt(present.get(end), 0).equals(group)) {
                end++;
            }
            block++;
            String groupId = prefix + "-item" + block;
            rows.add(new Row(false, List.of(Cell.header(group, groupId, "colgroup", width, 1, "item"))));
            List<TableColumn> columns = present.get(start).columns();
            List<Cell> header = new ArrayList<>();
            header.add(Cell.header(CONTENT_HEADER, groupId + "-content", "col", 1, 1, null));
            for (int c = 0; c < columns.size(); c++) {
                header.add(Cell.header(
                        columns.get(c).label(),
                        groupId + "-" + columns.get(c).key(),
                        "col",
                        span(c, columns.size(), valueColumns),
                        1,
                        null));
            }
            rows.add(new Row(false, header));
            for (TableRow row : present.subList(start, end)) {
                List<Cell> cells = new ArrayList<>();
                String rowId = rowId(row);
                cells.add(Cell.header(row.label(), rowId, "row", 1, 1, null));
                for (int c = 0; c < row.columns().size(); c++) {
                    TableColumn column = row.columns().get(c);
                    cells.add(value(
                            report,
                            row.cellKey(column),
                            span(c, row.columns().size(), valueColumns),
                            List.of(groupId, groupId + "-" + column.key(), rowId)));
                }
                rows.add(new Row(false, cells));
            }
            start = end;
        }
        return new Grid(table.section(), prefix, rows);
    }

    /** The last column of a narrower block spans the rest of the table, as the template draws it. */
    private static int span(int index, int count, int width) {
        return index == count - 1 ? width - count + 1 : 1;
    }

    // ---- table 三: applicant columns under 申请人情况, result rows under the vertical 三、本年度办理结果 --------------

    private static Grid table3(AnnualReport report, ReportTable table) {
        String prefix = table.keyPrefix();
        List<TableRow> present = present(report, table.rows());
        if (present.isEmpty()) {
            return new Grid(table.section(), prefix, List.of());
        }
        List<TableColumn> columns = present.getFirst().columns();
        int labelDepth =
                1 + table.rows().stream().mapToInt(r -> r.groups().size()).max().orElse(0);
        ColumnHeaders headers = columnHeaders(prefix, columns);
        List<Row> rows = new ArrayList<>(headers.rows());
        rows.getFirst()
                .cells()
                .addFirst(new Cell(
                        Kind.NOTE,
                        BALANCE_NOTE,
                        labelDepth,
                        headers.rows().size(),
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        "note"));

        for (int r = 0; r < present.size(); r++) {
            TableRow row = present.get(r);
            List<Cell> cells = new ArrayList<>();
            List<String> rowHeaders = new ArrayList<>();
            for (int g = 0; g < row.groups().size(); g++) {
                String groupId = prefix + "-rowgroup-" + slug(row.groups().subList(0, g + 1), present, r, g);
                rowHeaders.add(groupId);
                if (r == 0 || !samePrefix(present.get(r - 1), row, g)) {
                    int run = 1;
                    while (r + run < present.size() && samePrefix(present.get(r + run), row, g)) {
                        run++;
                    }
                    cells.add(Cell.header(
                            row.groups().get(g), groupId, "rowgroup", 1, run, g == 0 && run > 1 ? "vertical" : null));
                }
            }
            String rowId = rowId(row);
            rowHeaders.add(rowId);
            cells.add(Cell.header(
                    row.label(), rowId, "row", labelDepth - row.groups().size(), 1, null));
            for (int c = 0; c < row.columns().size(); c++) {
                List<String> ids = new ArrayList<>(headers.ids().get(c));
                ids.addAll(rowHeaders);
                cells.add(value(report, row.cellKey(row.columns().get(c)), 1, ids));
            }
            rows.add(new Row(false, cells));
        }
        return new Grid(table.section(), prefix, rows);
    }

    /** A stable id for a row group: the key of the first row it spans. */
    private static String slug(List<String> groups, List<TableRow> rows, int r, int level) {
        int first = r;
        while (first > 0 && samePrefix(rows.get(first - 1), rows.get(r), level)) {
            first--;
        }
        return rows.get(first)
                        .key()
                        .substring(rows.get(first).key().indexOf('.') + 1)
                        .replace('.', '-') + "-" + level;
    }

    private static boolean samePrefix(TableRow a, TableRow b, int level) {
        return a.groups().size() > level
                && b.groups().size() > level
                && a.groups().subList(0, level + 1).equals(b.groups().subList(0, level + 1));
    }

    // ---- table 四: 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉) side by side, one row of values --------------

    private static Grid table4(AnnualReport report, ReportTable table) {
        String prefix = table.keyPrefix();
        if (present(report, table.rows()).isEmpty()) {
            return new Grid(table.section(), prefix, List.of());
        }
        List<TableColumn> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (TableRow row : table.rows()) {
            for (TableColumn column : row.columns()) {
                columns.add(column);
                keys.add(row.cellKey(column));
            }
        }
        ColumnHeaders headers = columnHeaders(prefix, columns);
        List<Row> rows = new ArrayList<>(headers.rows());
        List<Cell> values = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            values.add(value(report, keys.get(c), 1, headers.ids().get(c)));
        }
        rows.add(new Row(false, values));
        return new Grid(table.section(), prefix, rows);
    }

    // ---- column headers from the columns' groups ------------------------------------------------------------

    /** Header rows and, per column, the ids of every header above it (outermost first). */
    private record ColumnHeaders(List<Row> rows, List<List<String>> ids) {}

    /**
     * Lays out grouped column headers as the national template does. A group whose columns all end right below it
     * (行政复议 over its five results) reaches down so the labels share the bottom row; a column with no group of
     * its own at a level (自然人, 总计 under 申请人情况) reaches down with its label instead.
     */
    private static ColumnHeaders columnHeaders(String prefix, List<TableColumn> columns) {
        int depth = 1 + columns.stream().mapToInt(c -> c.groups().size()).max().orElse(0);
        int n = columns.size();
        boolean[] extended = new boolean[n];
        for (int c = 0; c < n; ) {
            int end = runEnd(columns, c, columns.get(c).groups().size() - 1);
            boolean allEndHere = true;
            for (int k = c; k < end; k++) {
                allEndHere &= columns.get(k).groups().size()
                        == columns.get(c).groups().size();
            }
            boolean extend = !columns.get(c).groups().isEmpty() && end - c > 1 && allEndHere;
            for (int k = c; k < end; k++) {
                extended[k] = extend;
            }
            c = end;
        }
        List<List<Cell>> rows = new ArrayList<>();
        List<List<String>> ids = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            ids.add(new ArrayList<>());
        }
        for (int level = 0; level < depth; level++) {
            List<Cell> row = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                TableColumn column = columns.get(c);
                int groups = column.groups().size();
                if (level < groups && (c == 0 || !sameGroups(columns.get(c - 1), column, level))) {
                    int end = runEnd(columns, c, level);
                    String id = prefix + "-colgroup-" + level + "-" + c;
                    boolean last = level == groups - 1;
                    int rowspan = last && extended[c] ? depth - 1 - level : 1;
                    row.add(Cell.header(column.groups().get(level), id, "colgroup", end - c, rowspan, null));
                    for (int k = c; k < end; k++) {
                        ids.get(k).add(id);
                    }
                }
                int labelLevel = extended[c] ? depth - 1 : groups;
                if (level == labelLevel) {
                    String id = prefix + "-col-" + c;
                    row.add(Cell.header(column.label(), id, "col", 1, extended[c] ? 1 : depth - groups, null));
                    ids.get(c).add(id);
                }
            }
            rows.add(row);
        }
        List<Row> headRows = new ArrayList<>();
        for (List<Cell> row : rows) {
            headRows.add(new Row(true, row));
        }
        return new ColumnHeaders(headRows, ids);
    }

    /** The end (exclusive) of the run of columns sharing the groups of column {@code c} up to {@code level}. */
    private static int runEnd(List<TableColumn> columns, int c, int level) {
        int end = c + 1;
        if (level < 0) {
            return end;
        }
        while (end < columns.size() && sameGroups(columns.get(end), columns.get(c), level)) {
            end++;
        }
        return end;
    }

    private static boolean sameGroups(TableColumn a, TableColumn b, int level) {
        return a.groups().size() > level
                && b.groups().size() > level
                && a.groups().subList(0, level + 1).equals(b.groups().subList(0, level + 1));
    }

    // ---- cells ------------------------------------------------------------------------------------------------

    /** Rows holding at least one cell (value or blank); a row the source never held is not drawn. */
    private static List<TableRow> present(AnnualReport report, List<TableRow> rows) {
        List<TableRow> present = new ArrayList<>();
        for (TableRow row : rows) {
            for (TableColumn column : row.columns()) {
                String key = row.cellKey(column);
                if (report.cells().containsKey(key) || report.blank().contains(key)) {
                    present.add(row);
                    break;
                }
            }
        }
        return present;
    }

    private static Cell value(AnnualReport report, String key, int colspan, List<String> headers) {
        CellValue value = report.cells().get(key);
        String state = value != null ? null : report.cellState(key).code();
        String text = switch (value) {
            case null -> "";
            case CellValue.Numeric numeric -> numeric.value().toPlainString();
            case CellValue.Text(String t) -> t;
        };
        return new Cell(Kind.VALUE, text, colspan, 1, null, null, List.copyOf(headers), key, state, null);
    }

    private static String rowId(TableRow row) {
        return row.key().replace('.', '-');
    }

    private static String groupAt(TableRow row, int level) {
        return row.groups().size() > level ? row.groups().get(level) : "";
    }
}
