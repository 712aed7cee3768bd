package dev.gongkai.report.rules;

import dev.gongkai.contract.OfferedValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.model.TableRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic (勾稽关系) inside tables 三 and 四. A sum is only checked when all its cells hold whole numbers:
 * blanks and unreadable cells are {@code CELL_MISSING} and {@code CELL_RANGE} findings, not arithmetic errors.
 */
final class TableArithmeticRules {

    private TableArithmeticRules() {}

    static List<Rule> all() {
        return List.of(new Balance(), new HandledSum(), new RowTotal(), new ReviewTotal());
    }

    /** Cell indexes of table 三 and 四 per format, computed once. */
    private record Indexes(
            List<TableColumn> columns,
            List<TableRow> rows3,
            int[][] table3,
            int received,
            int carriedOver,
            int handledTotal,
            int carriedForward,
            int[] resultRows,
            List<TableRow> rows4,
            int[][] table4) {

        private static final Map<ReportFormat, Indexes> BY_FORMAT = new EnumMap<>(ReportFormat.class);

        static {
            for (ReportFormat format : ReportFormat.values()) {
                BY_FORMAT.put(format, compute(format));
            }
        }

        static Indexes of(ReportFormat format) {
            return BY_FORMAT.get(format);
        }

        private static Indexes compute(ReportFormat format) {
            ReportLayout layout = format.layout();
            List<TableRow> rows3 = layout.table(Section.S3).rows();
            int[][] table3 =
                    rows3.stream().map(row -> CellGrid.rowIndexes(format, row)).toArray(int[][]::new);
            List<TableRow> results = layout.resultRows();
            int[] resultRows = results.stream().mapToInt(rows3::indexOf).toArray();
            List<TableRow> rows4 = layout.table(Section.S4).rows();
            int[][] table4 =
                    rows4.stream().map(row -> CellGrid.rowIndexes(format, row)).toArray(int[][]::new);
            return new Indexes(
                    ReportLayout.APPLICANT_COLUMNS,
                    rows3,
                    table3,
                    rowIndex(rows3, "s3.received"),
                    rowIndex(rows3, "s3.carriedOver"),
                    rowIndex(rows3, "s3.handledTotal"),
                    rowIndex(rows3, "s3.carriedForward"),
                    resultRows,
                    rows4,
                    table4);
        }

        private static int rowIndex(List<TableRow> rows, String key) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).key().equals(key)) {
                    return i;
                }
            }
            throw new IllegalStateException("no row " + key);
        }
    }

    static String columnZh(TableColumn column) {
        return "「" + column.label() + "」列";
    }

    static String rowZh(TableRow row) {
        String group = row.groups().isEmpty() ? "" : row.groups().getLast();
        boolean nested =
                !group.isEmpty() && !group.startsWith("三、本年度") && !group.startsWith("第二十条") && !group.equals("行政诉讼");
        return "「" + (nested ? group + " " : "") + row.label() + "」行";
    }

    /** The row as the national table names it (the tables are the national form, in Chinese in both languages). */
    static String rowEn(TableRow row) {
        return "row " + rowZh(row).substring(0, rowZh(row).length() - 1);
    }

    static String columnEn(TableColumn column) {
        return "Column 「" + column.label() + "」";
    }

    private static final class Balance implements Rule {
        @Override
        public RuleId id() {
            return RuleId.S3_BALANCE;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            Indexes t = Indexes.of(grid.report.format());
            for (int c = 0; c < t.columns.size(); c++) {
                int received = t.table3[t.received][c];
                int carriedOver = t.table3[t.carriedOver][c];
                int handled = t.table3[t.handledTotal][c];
                int forward = t.table3[t.carriedForward][c];
                if (!grid.allWhole(received, carriedOver, handled, forward)) {
                    continue;
                }
                long in = grid.value(received) + grid.value(carriedOver);
                long out = grid.value(handled) + grid.value(forward);
                if (in != out) {
                    TableColumn column = t.columns.get(c);
                    findings.add(Finding.of(
                            id(),
                            List.of(grid.key(received), grid.key(carriedOver), grid.key(handled), grid.key(forward)),
                            "%s：本年新收 %d + 上年结转 %d = %d，不等于办理结果总计 %d + 结转下年度继续办理 %d = %d"
                                    .formatted(
                                            columnZh(column),
                                            grid.value(received),
                                            grid.value(carriedOver),
                                            in,
                                            grid.value(handled),
                                            grid.value(forward),
                                            out),
                            "%s: received %d + carried over %d = %d, but handled total %d + carried forward %d = %d"
                                    .formatted(
                                            columnEn(column),
                                            grid.value(received),
                                            grid.value(carriedOver),
                                            in,
                                            grid.value(handled),
                                            grid.value(forward),
                                            out)));
                }
            }
        }
    }

    private static final class HandledSum implements Rule {
        @Override
        public RuleId id() {
            return RuleId.S3_HANDLED_SUM;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            Indexes t = Indexes.of(grid.report.format());
            columns:
            for (int c = 0; c < t.columns.size(); c++) {
                int handled = t.table3[t.handledTotal][c];
                if (!grid.isWhole(handled)) {
                    continue;
                }
                long sum = 0;
                for (int row : t.resultRows) {
                    int cell = t.table3[row][c];
                    if (!grid.isWhole(cell)) {
                        continue columns;
                    }
                    sum += grid.value(cell);
                }
                if (sum != grid.value(handled)) {
                    TableColumn column = t.columns.get(c);
                    List<String> cells = new ArrayList<>();
                    cells.add(grid.key(handled));
                    for (int row : t.resultRows) {
                        cells.add(grid.key(t.table3[row][c]));
                    }
                    findings.add(Finding.of(
                            id(),
                            cells,
                            "%s：办理结果 %d 项之和为 %d，但（七）总计为 %d"
                                    .formatted(columnZh(column), t.resultRows.length, sum, grid.value(handled)),
                            "%s: the %d result rows add up to %d, but the handled total is %d"
                                    .formatted(columnEn(column), t.resultRows.length, sum, grid.value(handled))));
                }
            }
        }
    }

    private static final class RowTotal implements Rule {
        @Override
        public RuleId id() {
            return RuleId.S3_ROW_TOTAL;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            Indexes t = Indexes.of(grid.report.format());
            for (int r = 0; r < t.table3.length; r++) {
                sumCheck(
                        grid,
                        t.table3[r],
                        id(),
                        t.rows3.get(r),
                        "各类申请人之和",
                        "the six applicant columns add up to",
                        findings);
            }
        }
    }

    private static final class ReviewTotal implements Rule {
        @Override
        public RuleId id() {
            return RuleId.S4_TOTAL;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            Indexes t = Indexes.of(grid.report.format());
            for (int r = 0; r < t.table4.length; r++) {
                sumCheck(
                        grid,
                        t.table4[r],
                        id(),
                        t.rows4.get(r),
                        "结果维持、结果纠正、其他结果、尚未审结之和",
                        "upheld + corrected + other + pending add up to",
                        findings);
            }
        }
    }

    /**
     * Every total cell whose parts are whole numbers and whose value is not their sum, with that sum; then every
     * 结转下年度 cell that is not what its column's balance leaves (S3_BALANCE), once received, carried over and the
     * handled total are whole numbers and leave no less than 0. The 总计 column's is its row's sum once the row is
     * filled, so it is offered as a balance only while a part of the row is not.
     */
    static List<Totals.Offer> offers(CellGrid grid) {
        Indexes t = Indexes.of(grid.report.format());
        List<Totals.Offer> offers = new ArrayList<>();
        for (int[] row : t.table3) {
            offer(grid, row[row.length - 1], java.util.Arrays.copyOf(row, row.length - 1), offers);
        }
        for (int c = 0; c < t.columns.size(); c++) {
            int[] results = new int[t.resultRows.length];
            for (int i = 0; i < results.length; i++) {
                results[i] = t.table3[t.resultRows[i]][c];
            }
            offer(grid, t.table3[t.handledTotal][c], results, offers);
        }
        for (int[] row : t.table4) {
            offer(grid, row[row.length - 1], java.util.Arrays.copyOf(row, row.length - 1), offers);
        }
        int[] forwardRow = t.table3[t.carriedForward];
        boolean forwardPartsWhole = grid.allWhole(java.util.Arrays.copyOf(forwardRow, forwardRow.length - 1));
        for (int c = 0; c < t.columns.size(); c++) {
            int received = t.table3[t.received][c];
            int carriedOver = t.table3[t.carriedOver][c];
            int handled = t.table3[t.handledTotal][c];
            int forward = forwardRow[c];
            if (forward == forwardRow[forwardRow.length - 1] && forwardPartsWhole
                    || !grid.allWhole(received, carriedOver, handled)) {
                continue;
            }
            long left = grid.value(received) + grid.value(carriedOver) - grid.value(handled);
            String key = grid.key(forward);
            if (left >= 0
                    && (!grid.isWhole(forward) || grid.value(forward) != left)
                    && offers.stream().noneMatch(o -> o.cell().equals(key))) {
                offers.add(new Totals.Offer(key, left, OfferedValue.CARRY_FORWARD));
            }
        }
        return offers;
    }

    private static void offer(CellGrid grid, int total, int[] parts, List<Totals.Offer> offers) {
        if (!grid.allWhole(parts)) {
            return;
        }
        long sum = 0;
        for (int part : parts) {
            sum += grid.value(part);
        }
        if (!grid.isWhole(total) || grid.value(total) != sum) {
            String key = grid.key(total);
            if (offers.stream().noneMatch(o -> o.cell().equals(key))) {
                offers.add(new Totals.Offer(key, sum, OfferedValue.TOTAL));
            }
        }
    }

    /** The last cell of {@code row} must be the sum of the others. */
    private static void sumCheck(
            CellGrid grid,
            int[] row,
            RuleId rule,
            TableRow tableRow,
            String partsZh,
            String partsEn,
            List<Finding> findings) {
        if (!grid.allWhole(row)) {
            return;
        }
        long sum = 0;
        for (int i = 0; i < row.length - 1; i++) {
            sum += grid.value(row[i]);
        }
        long total = grid.value(row[row.length - 1]);
        if (sum != total) {
            List<String> cells = new ArrayList<>(row.length);
            for (int cell : row) {
                cells.add(grid.key(cell));
            }
            findings.add(Finding.of(
                    rule,
                    cells,
                    "%s：%s为 %d，但总计为 %d".formatted(rowZh(tableRow), partsZh, sum, total),
                    "%s: %s %d, but the total is %d".formatted(rowEn(tableRow), partsEn, sum, total)));
        }
    }
}
