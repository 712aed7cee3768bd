package dev.gongkai.report.imports;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.ReportTable;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.model.TableRow;
import dev.gongkai.report.rules.Finding;
import dev.gongkai.report.rules.RuleId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads tables 二, 三 and 四 from lines. Tables 二 and 三 are read by their row labels, table 四 by position.
 *
 * <p><b>Which empty cells are blanks.</b> A row has exactly as many values as its columns. The values of a row are
 * the cells after its label on the label's line, continued on the following lines while those hold only values
 * (one cell per line). When there are more cells than columns, the surplus empty cells are padding — colspan
 * artifacts such as the seed's "| 0 | ||" — and are dropped from the end first, then from the start (a label
 * written over several columns); every empty cell left inside the row's columns is a blank. When there are fewer
 * cells than columns, the missing ones are absent, not blank, and reported. An empty line continues a row as a
 * blank cell only in a single-spaced document: in a double-spaced one empty lines separate paragraphs.
 */
final class TableReader {

    private final TextLine[] lines;
    private final boolean[] consumed;
    private final boolean emptyLineIsBlank;
    private final AnnualReport.Builder report;
    private final List<Finding> findings;
    private final ReportLayout layout;

    TableReader(TextLine[] lines, boolean[] consumed, boolean emptyLineIsBlank, AnnualReport.Builder report,
            List<Finding> findings) {
        this.lines = lines;
        this.consumed = consumed;
        this.emptyLineIsBlank = emptyLineIsBlank;
        this.report = report;
        this.findings = findings;
        this.layout = ReportLayout.of(report.format());
    }

    /** The values of one row, exactly {@code width} of them; null where the source held no cell. */
    private record Values(String[] raw, String[] norm, int held, int surplus, int lastLine) {
        boolean hasNumber() {
            for (String n : norm) {
                if (n != null && CellText.isNumber(n)) {
                    return true;
                }
            }
            return false;
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < raw.length; i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append(raw[i] == null ? "?" : raw[i].isEmpty() ? "空" : raw[i]);
            }
            return text.toString();
        }
    }

    /**
     * The values of a row whose label ends before cell {@code from} of line {@code at}: see the class comment for
     * padding and blanks. Does not mark lines consumed.
     */
    private Values collect(int at, int from, int to, int width) {
        List<String> raw = new ArrayList<>(width + 4);
        List<String> norm = new ArrayList<>(width + 4);
        TextLine line = lines[at];
        for (int c = from; c < line.raw.length; c++) {
            raw.add(line.raw[c]);
            norm.add(line.norm[c]);
        }
        int last = at;
        // Empty lines can be blank cells only where a row is written one cell per line (nothing after the label
        // on its line), and only when more values follow or they exactly complete the row: the empty lines at the
        // end of a truncated text are not blanks.
        boolean oneCellPerLine = raw.isEmpty() && emptyLineIsBlank;
        int pendingEmpty = 0;
        int j = at + 1;
        for (; j < to && raw.size() + pendingEmpty < width && !consumed[j]; j++) {
            TextLine next = lines[j];
            if (next.isEmpty()) {
                pendingEmpty++;
                continue;
            }
            if (!next.isValues()) {
                break;
            }
            if (oneCellPerLine) {
                addEmpty(raw, norm, pendingEmpty);
            }
            pendingEmpty = 0;
            for (int c = 0; c < next.raw.length; c++) {
                raw.add(next.raw[c]);
                norm.add(next.norm[c]);
            }
            last = j;
        }
        if (oneCellPerLine && pendingEmpty > 0 && j < to && raw.size() + pendingEmpty == width
                && (lines[j].isEmpty() || !lines[j].isValues())) {
            addEmpty(raw, norm, pendingEmpty);
            last = j - 1;
        }
        int lo = 0;
        int hi = raw.size();
        while (hi - lo > width && raw.get(hi - 1).isEmpty()) {
            hi--;
        }
        while (hi - lo > width && raw.get(lo).isEmpty()) {
            lo++;
        }
        int held = Math.min(width, hi - lo);
        String[] rawValues = new String[width];
        String[] normValues = new String[width];
        for (int i = 0; i < held; i++) {
            rawValues[i] = raw.get(lo + i);
            normValues[i] = norm.get(lo + i);
        }
        return new Values(rawValues, normValues, held, Math.max(0, hi - lo - width), last);
    }

    private static void addEmpty(List<String> raw, List<String> norm, int count) {
        for (int k = 0; k < count; k++) {
            raw.add("");
            norm.add("");
        }
    }

    private void markConsumed(int from, int to) {
        for (int j = from; j <= to; j++) {
            consumed[j] = true;
        }
    }

    /** Index of the first cell after the run of label cells that starts the line, or -1 if it starts with a value. */
    private static int labelRunEnd(TextLine line) {
        int c = line.first;
        if (c < 0 || CellText.isValue(line.norm[c])) {
            return -1;
        }
        while (c < line.raw.length && !CellText.isValue(line.norm[c])) {
            c++;
        }
        return c;
    }

    /**
     * Where a row's values start once its label was recognised in cell {@code c - 1}: after any annotation cells
     * that follow it ("(区分处理的,…)", "(地方政府规章)"); any other word is the row's first value (text kept as
     * written, e.g. "无").
     */
    private static int afterLabel(TextLine line, int c, int runEnd) {
        while (c < runEnd) {
            String norm = line.norm[c];
            if (line.raw[c].isEmpty()) {
                c++;
                continue;
            }
            if (norm == null || norm.length() < 2 || norm.charAt(0) != '(' || norm.charAt(norm.length() - 1) != ')') {
                break;
            }
            c++;
        }
        return c;
    }

    /** Stores the values of a national row, reports a row met twice or with too few or too many cells. */
    private void store(TableRow row, Values values, String label) {
        List<TableColumn> columns = row.columns();
        for (int i = 0; i < columns.size() && i < values.held(); i++) {
            String key = row.cellKey(columns.get(i));
            CellValue value = value(values.raw()[i], values.norm()[i], columns.get(i).type());
            if (value == null) {
                report.blank(key);
            } else {
                report.cell(key, value);
            }
        }
        if (values.held() < columns.size()) {
            List<String> missing = new ArrayList<>();
            for (int i = values.held(); i < columns.size(); i++) {
                missing.add(row.cellKey(columns.get(i)));
            }
            findings.add(Finding.of(RuleId.STRUCTURE, missing,
                    "“" + label + "”一行只有" + values.held() + "个数值，应有" + columns.size() + "个：缺少"
                            + String.join("、", missing),
                    "row “" + label + "” holds " + values.held() + " of its " + columns.size()
                            + " values; missing: " + String.join(", ", missing)));
        }
        if (values.surplus() > 0) {
            findings.add(Finding.of(RuleId.STRUCTURE, List.of(),
                    "“" + label + "”一行比格式多出" + values.surplus() + "个数值，多出的数值未读入",
                    "row “" + label + "” holds " + values.surplus()
                            + " more values than the format's columns; the surplus was not read"));
        }
    }

    /** The value of a cell: null for a blank; a number; else the text as written. */
    static CellValue value(String raw, String norm, CellType type) {
        if (norm == null) {
            return CellValue.text(raw);
        }
        if (CellText.isBlank(norm)) {
            return null;
        }
        if (type == CellType.TEXT) {
            return CellValue.text(raw);
        }
        BigDecimal number = CellText.number(norm, true);
        return number == null ? CellValue.text(raw) : CellValue.of(number);
    }

    /** Hostile input may repeat a row thousands of times: past this many, extra and repeated rows go unreported. */
    private static final int MAX_ROW_FINDINGS = 50;
    private int rowFindings;

    private boolean mayReportRow() {
        return rowFindings++ < MAX_ROW_FINDINGS;
    }

    private void reportExtraRow(Section section, String label, Values values) {
        if (!mayReportRow()) {
            return;
        }
        String table = tableName(section);
        findings.add(Finding.of(RuleId.STRUCTURE, List.of(),
                table + "有格式之外的行“" + label + "”（数值：" + values.describe() + "），未计入任何单元格",
                table(section) + " has a row the format does not have: “" + label + "” (values: "
                        + values.describe() + "); it was not read into any cell"));
    }

    private void reportDuplicate(Section section, TableRow row, String label) {
        if (!mayReportRow()) {
            return;
        }
        findings.add(Finding.of(RuleId.STRUCTURE, List.of(),
                tableName(section) + "中“" + label + "”一行出现两次，只读入第一次的数值",
                table(section) + " holds the row “" + label + "” twice; only the first was read"));
    }

    /** Reports the rows of a table that were not found; the whole table when none was. */
    void reportMissingRows(Section section, Set<String> found) {
        ReportTable table = layout.table(section);
        List<String> cells = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (TableRow row : table.rows()) {
            if (!found.contains(row.key())) {
                labels.add(row.label());
                for (TableColumn column : row.columns()) {
                    cells.add(row.cellKey(column));
                }
            }
        }
        if (labels.isEmpty()) {
            return;
        }
        if (labels.size() == table.rows().size()) {
            findings.add(Finding.of(RuleId.STRUCTURE, cells,
                    "未找到" + tableName(section) + "（" + section.titleZh() + "）",
                    table(section) + " (" + section.titleEn() + ") was not found"));
        } else {
            findings.add(Finding.of(RuleId.STRUCTURE, cells,
                    tableName(section) + "缺少" + labels.size() + "行：" + String.join("；", labels),
                    table(section) + " lacks " + labels.size() + " rows: " + String.join("; ", rowKeys(table, found))));
        }
    }

    private static List<String> rowKeys(ReportTable table, Set<String> found) {
        List<String> keys = new ArrayList<>();
        for (TableRow row : table.rows()) {
            if (!found.contains(row.key())) {
                keys.add(row.key());
            }
        }
        return keys;
    }

    static String tableName(Section section) {
        return switch (section) {
            case S2 -> "表二";
            case S3 -> "表三";
            case S4 -> "表四";
            default -> section.titleZh();
        };
    }

    static String table(Section section) {
        return switch (section) {
            case S2 -> "table 二";
            case S3 -> "table 三";
            case S4 -> "table 四";
            default -> section.titleEn();
        };
    }

    // ---- table 二 --------------------------------------------------------------------------------------------

    /** Reads table 二 from lines [from, to); returns the keys of the rows found. */
    Set<String> table2(int from, int to) {
        boolean v2019 = report.format() == dev.gongkai.report.model.ReportFormat.V2019;
        ReportTable table = layout.table(Section.S2);
        Map<String, TableRow> rows = new HashMap<>();
        int widest = 0;
        for (TableRow row : table.rows()) {
            rows.put(row.key().substring(table.keyPrefix().length() + 1), row);
            widest = Math.max(widest, row.columns().size());
        }
        Set<String> found = new LinkedHashSet<>();
        for (int i = from; i < to; i++) {
            if (consumed[i]) {
                continue;
            }
            TextLine line = lines[i];
            int end = labelRunEnd(line);
            if (end < 0) {
                continue;
            }
            TableRow row = null;
            String label = null;
            boolean header = false;
            for (int c = line.first; c < end; c++) {
                String norm = line.norm[c];
                String segment = norm == null ? null : Labels.table2Row(norm, v2019);
                if (segment != null && rows.containsKey(segment)) {
                    row = rows.get(segment);
                    label = line.raw[c];
                    header = false;
                    end = afterLabel(line, c + 1, end);
                    break;
                } else if (row == null && !line.raw[c].isEmpty()) {
                    label = line.raw[c];
                    header = norm == null || isTable2Header(norm);
                }
            }
            if (row != null) {
                Values values = collect(i, end, to, row.columns().size());
                if (values.held() == 0) {
                    continue; // a sentence naming the row, not the row
                }
                markConsumed(i, values.lastLine());
                if (!found.add(row.key())) {
                    reportDuplicate(Section.S2, row, label);
                    continue;
                }
                store(row, values, label);
            } else if (!header && label != null) {
                Values values = collect(i, end, to, widest);
                if (values.hasNumber()) {
                    markConsumed(i, values.lastLine());
                    reportExtraRow(Section.S2, label, values);
                }
            }
        }
        return found;
    }

    private static boolean isTable2Header(String norm) {
        return norm.contains("第二十条") || norm.contains("信息内容") || norm.contains("件数") || norm.contains("数量")
                || norm.contains("金额") || norm.contains("增/减") || norm.contains("单位") || norm.startsWith("第");
    }

    // ---- table 三 --------------------------------------------------------------------------------------------

    /** Reads table 三 from lines [from, to); returns the keys of the rows found. */
    Set<String> table3(int from, int to) {
        boolean v2019 = report.format() == dev.gongkai.report.model.ReportFormat.V2019;
        ReportTable table = layout.table(Section.S3);
        Map<String, TableRow> rows = new HashMap<>();
        for (TableRow row : table.rows()) {
            rows.put(row.key().substring(table.keyPrefix().length() + 1), row);
        }
        int subtotalColumn = subtotalColumn(from, to);
        int width = ReportLayout.APPLICANT_COLUMNS.size() + (subtotalColumn >= 0 ? 1 : 0);
        Set<String> found = new LinkedHashSet<>();
        List<String> subtotals = new ArrayList<>();
        String group = null;
        boolean afterResults = false;
        TableRow wrapped = null;
        String wrappedLabel = null;
        int wrappedLine = -1;
        for (int i = from; i < to; i++) {
            if (consumed[i]) {
                continue;
            }
            if (lines[i].isEmpty()) {
                if (wrappedLine == i - 1) {
                    wrappedLine = i; // empty lines between the two parts of a wrapped label
                }
                continue;
            }
            TextLine line = lines[i];
            int end = labelRunEnd(line);
            if (end < 0) {
                continue;
            }
            Labels.Label3 last = null;
            String label = null;
            for (int c = line.first; c < end && (last == null || last.kind() != Labels.Kind.ROW); c++) {
                String norm = line.norm[c];
                if (line.raw[c].isEmpty()) {
                    continue;
                }
                Labels.Label3 cell = norm == null ? Labels.Label3.UNKNOWN : Labels.table3(norm, group, afterResults);
                switch (cell.kind()) {
                    case SPAN -> {
                        group = null;
                        afterResults = true;
                    }
                    case GROUP -> {
                        group = cell.group();
                        afterResults = true;
                        last = cell;
                        label = line.raw[c];
                    }
                    case ROW -> {
                        int dot = cell.row().indexOf('.');
                        group = dot < 0 ? null : cell.row().substring(0, dot);
                        if (!cell.row().equals("received") && !cell.row().equals("carriedOver")) {
                            afterResults = true;
                        }
                        last = cell;
                        label = line.raw[c];
                        end = afterLabel(line, c + 1, end);
                    }
                    default -> {
                        if (last == null || last.kind() != Labels.Kind.ROW) {
                            last = cell;
                            label = line.raw[c];
                        }
                    }
                }
            }
            if (last == null) {
                continue;
            }
            String rowSegment = switch (last.kind()) {
                case ROW -> last.row();
                case GROUP -> v2019 && "otherHandling".equals(last.group()) ? "otherHandling" : null;
                default -> null;
            };
            TableRow row = rowSegment == null ? null : rows.get(rowSegment);
            if (row == null && last.kind() == Labels.Kind.UNKNOWN && wrapped != null && wrappedLine == i - 1) {
                // the rest of a label wrapped over two lines, the row's values after it
                row = wrapped;
                label = wrappedLabel + label;
            }
            wrapped = null;
            if (row != null) {
                Values values = collect(i, end, to, width);
                if (values.held() == 0) {
                    // a label whose values follow its wrapped rest, or a sentence naming the row
                    wrapped = found.contains(row.key()) ? null : row;
                    wrappedLabel = label;
                    wrappedLine = i;
                    continue;
                }
                markConsumed(i, values.lastLine());
                if (subtotalColumn >= 0) {
                    values = dropColumn(values, subtotalColumn, label, subtotals);
                }
                if (!found.add(row.key())) {
                    reportDuplicate(Section.S3, row, label);
                    continue;
                }
                store(row, values, label);
                if (row.key().equals("s3.handledTotal")) {
                    group = null;
                }
            } else if (last.kind() != Labels.Kind.HEADER && last.kind() != Labels.Kind.SPAN) {
                Values values = collect(i, end, to, width);
                if (values.hasNumber()) {
                    markConsumed(i, values.lastLine());
                    reportExtraRow(Section.S3, label, values);
                }
            }
        }
        if (subtotalColumn >= 0) {
            findings.add(Finding.of(RuleId.STRUCTURE, List.of(),
                    "表三有格式之外的列“法人或其他组织小计”，其数值未计入单元格（各行：" + String.join("；", subtotals) + "）",
                    "table 三 has a column the format does not have (法人或其他组织小计, a subtotal of the "
                            + "organisations); its values were not read into cells (by row: "
                            + String.join("; ", subtotals) + ")"));
        }
        return found;
    }

    /**
     * The position among the row's values of a 法人或其他组织小计 column named in table 三's header, or -1. The
     * position follows the header's order: after the organisation columns named before it.
     */
    private int subtotalColumn(int from, int to) {
        int organisationsBefore = 0;
        for (int i = from; i < to; i++) {
            TextLine line = lines[i];
            for (int c = 0; c < line.norm.length; c++) {
                String norm = line.norm[c];
                if (norm == null || norm.isEmpty()) {
                    continue;
                }
                if (CellText.isNumber(norm)) {
                    return -1; // the header ends where the first row's values start
                }
                if (Labels.isSubtotalColumn(norm)) {
                    return 1 + (organisationsBefore == 0 ? 5 : organisationsBefore);
                }
                if (Labels.organisationColumn(norm) >= 0) {
                    organisationsBefore++;
                }
            }
        }
        return -1;
    }

    private static Values dropColumn(Values values, int column, String label, List<String> dropped) {
        int width = values.raw().length - 1;
        String[] raw = new String[width];
        String[] norm = new String[width];
        for (int i = 0, j = 0; i < values.raw().length; i++) {
            if (i == column) {
                continue;
            }
            raw[j] = values.raw()[i];
            norm[j] = values.norm()[i];
            j++;
        }
        String value = values.raw()[column];
        dropped.add(label + " " + (value == null ? "?" : value.isEmpty() ? "空" : value));
        int held = values.held() > column ? values.held() - 1 : values.held();
        return new Values(raw, norm, held, values.surplus(), values.lastLine());
    }

    // ---- table 四 --------------------------------------------------------------------------------------------

    /**
     * Reads table 四 from lines [from, to) by position: its 15 values in the national order, after header rows whose
     * words may be split or cut ("结果 / 维持", "尚未"). The values of a line are the cells after its last word.
     * Returns the number of values found.
     */
    int table4(int from, int to) {
        List<TableRow> rows = layout.table(Section.S4).rows();
        List<String> keys = new ArrayList<>();
        List<CellType> types = new ArrayList<>();
        for (TableRow row : rows) {
            for (TableColumn column : row.columns()) {
                keys.add(row.cellKey(column));
                types.add(column.type());
            }
        }
        int width = keys.size();
        int held = 0;
        int surplus = 0;
        int pendingEmpty = 0;
        for (int i = from; i < to; i++) {
            if (consumed[i]) {
                continue;
            }
            TextLine line = lines[i];
            if (line.isEmpty()) {
                // One value per line: an empty line between values is a blank cell (see collect).
                if (emptyLineIsBlank && held > 0 && line.raw.length <= 1) {
                    pendingEmpty++;
                }
                continue;
            }
            int start = 0;
            for (int c = line.raw.length - 1; c >= 0; c--) {
                if (!CellText.isValue(line.norm[c])) {
                    start = c + 1;
                    break;
                }
            }
            boolean any = false;
            for (int c = start; c < line.raw.length; c++) {
                if (!line.raw[c].isEmpty()) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                pendingEmpty = 0;
                continue;
            }
            for (; pendingEmpty > 0 && held < width; pendingEmpty--) {
                report.blank(keys.get(held++));
            }
            pendingEmpty = 0;
            consumed[i] = true;
            int lo = start;
            int hi = line.raw.length;
            int need = width - held;
            while (hi - lo > need && line.raw[hi - 1].isEmpty()) {
                hi--;
            }
            while (hi - lo > need && line.raw[lo].isEmpty()) {
                lo++;
            }
            for (int c = lo; c < hi; c++) {
                if (held == width) {
                    if (!line.raw[c].isEmpty()) {
                        surplus++;
                    }
                    continue;
                }
                CellValue value = value(line.raw[c], line.norm[c], types.get(held));
                if (value == null) {
                    report.blank(keys.get(held));
                } else {
                    report.cell(keys.get(held), value);
                }
                held++;
            }
        }
        if (pendingEmpty > 0 && held + pendingEmpty == width && to < lines.length) {
            // the last cells, one per line, left empty before the next section (not the end of a truncated text)
            for (; held < width; held++) {
                report.blank(keys.get(held));
            }
        }
        if (held == 0) {
            findings.add(Finding.of(RuleId.STRUCTURE, keys,
                    "未找到表四（" + Section.S4.titleZh() + "）的数值",
                    "the values of table 四 (" + Section.S4.titleEn() + ") were not found"));
        } else if (held < width) {
            List<String> missing = keys.subList(held, width);
            findings.add(Finding.of(RuleId.STRUCTURE, missing,
                    "表四只有" + held + "个数值，应有" + width + "个：缺少" + String.join("、", missing),
                    "table 四 holds " + held + " of its " + width + " values; missing: " + String.join(", ", missing)));
        }
        if (surplus > 0) {
            findings.add(Finding.of(RuleId.STRUCTURE, List.of(),
                    "表四比格式多出" + surplus + "个数值，多出的数值未读入",
                    "table 四 holds " + surplus + " more values than the format's 15 cells; the surplus was not read"));
        }
        return held;
    }
}
