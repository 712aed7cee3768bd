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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
    /** True for a text in which no line repeats the line before: a dump that collapsed repeated lines. */
    private final boolean collapsedLines;
    /** The last line that is not empty. */
    private final int lastFilled;

    TableReader(
            TextLine[] lines,
            boolean[] consumed,
            boolean emptyLineIsBlank,
            boolean collapsedLines,
            AnnualReport.Builder report,
            List<Finding> findings) {
        this.collapsedLines = collapsedLines;
        int filled = lines.length - 1;
        while (filled >= 0 && lines[filled].isEmpty()) {
            filled--;
        }
        this.lastFilled = filled;
        this.lines = lines;
        this.consumed = consumed;
        this.emptyLineIsBlank = emptyLineIsBlank;
        this.report = report;
        this.findings = findings;
        this.layout = ReportLayout.of(report.format());
    }

    /** The values of one row, exactly {@code width} of them; null where the source held no cell. */
    private record Values(
            String[] raw,
            String[] norm,
            int held,
            int surplus,
            int lastLine,
            Layout layout,
            List<String> overflowRaw,
            List<String> overflowNorm) {

        Values(String[] raw, String[] norm, int held, int surplus, int lastLine) {
            this(raw, norm, held, surplus, lastLine, Layout.IN_LINE, List.of(), List.of());
        }

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
        return collect(at, from, to, width, false);
    }

    private Values collect(int at, int from, int to, int width, boolean overflowAllowed) {
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
        boolean ownLines = raw.isEmpty();
        boolean oneCellPerLine = ownLines && emptyLineIsBlank;
        int pendingEmpty = 0;
        int j = at + 1;
        // (only where empty lines are blank cells do they count towards the row's width)
        for (; j < to && raw.size() + (oneCellPerLine ? pendingEmpty : 0) < width && !consumed[j]; j++) {
            TextLine next = lines[j];
            if (next.isEmpty()) {
                if (!next.isMark()) {
                    pendingEmpty++;
                }
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
        if (oneCellPerLine
                && pendingEmpty > 0
                && j < to
                && raw.size() + pendingEmpty == width
                && (lines[j].isEmpty() || !lines[j].isValues())) {
            addEmpty(raw, norm, pendingEmpty);
            last = j - 1;
        }
        List<String> overflowRaw = List.of();
        List<String> overflowNorm = List.of();
        if (ownLines && overflowAllowed && raw.size() == width) {
            // A number the page broke over two lines ("1" / "62") leaves more one-per-line values than columns
            // before the next label; they are kept for the arithmetic to join (see readings).
            overflowRaw = new ArrayList<>();
            overflowNorm = new ArrayList<>();
            for (int k = last + 1; k < to && overflowRaw.size() < width && !consumed[k]; k++) {
                TextLine next = lines[k];
                if (next.isEmpty()) {
                    continue;
                }
                if (next.raw.length != 1 || !CellText.isNumber(next.norm[0])) {
                    break;
                }
                overflowRaw.add(next.raw[0]);
                overflowNorm.add(next.norm[0]);
                last = k;
            }
        }
        Layout layoutOfRow =
                restIsEmpty(last + 1) ? Layout.END_OF_TEXT : ownLines ? Layout.ONE_PER_LINE : Layout.IN_LINE;
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
        return new Values(
                rawValues,
                normValues,
                held,
                Math.max(0, hi - lo - width),
                last,
                layoutOfRow,
                overflowRaw,
                overflowNorm);
    }

    /** How a row's values were written, which decides what a row with too few or too many of them means. */
    private enum Layout {
        /** On the label's line: cells were lost, their columns are not known. */
        IN_LINE,
        /** One value per line after the label: in a dump that collapsed repeated lines, runs of equal values. */
        ONE_PER_LINE,
        /** The last row of a text cut short: its first values are those it holds. */
        END_OF_TEXT
    }

    /** True when nothing but empty lines follows. */
    private boolean restIsEmpty(int from) {
        return from > lastFilled;
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
            CellValue value =
                    value(values.raw()[i], values.norm()[i], columns.get(i).type());
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
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    missing,
                    "“" + label + "”一行只有" + values.held() + "个数值，应有" + columns.size() + "个：缺少"
                            + cellNames(missing, "；"),
                    "row “" + label + "” holds " + values.held() + " of its " + columns.size() + " values; missing: "
                            + cellNames(missing, "; ")));
        }
        if (values.surplus() > 0) {
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    List.of(),
                    "“" + label + "”一行比格式多出" + values.surplus() + "个数值，多出的数值未读入",
                    "row “" + label + "” holds " + values.surplus()
                            + " more values than the format's columns; the surplus was not read"));
        }
    }

    // ---- rows settled by the arithmetic ------------------------------------------------------------------------

    /** A row read but not stored yet: the readings its values admit, until the table's arithmetic settles them. */
    private static final class Pending {
        final TableRow row;
        final String label;
        final Values values;
        /** Null: store the values as they are (one to one, or the first values of a text cut short). */
        List<Readings.Reading> readings;
        /** False when even a single reading is only a candidate (nothing in the table can confirm it). */
        boolean confirmed = true;

        Pending(TableRow row, String label, Values values, List<Readings.Reading> readings) {
            this.row = row;
            this.label = label;
            this.values = values;
            this.readings = readings;
        }
    }

    /**
     * What a row's values can mean: one to one when they match its columns; runs of equal cells in a dump that
     * collapsed repeated lines; numbers broken over lines joined again; otherwise nothing (their columns are not
     * known). {@code group} is the width of the groups whose last cell is their total (0 when none).
     */
    private Pending pending(TableRow row, String label, Values values, int group) {
        int width = row.columns().size();
        List<String> raw = new ArrayList<>();
        List<String> norm = new ArrayList<>();
        for (int i = 0; i < values.held(); i++) {
            raw.add(values.raw()[i]);
            norm.add(values.norm()[i]);
        }
        raw.addAll(values.overflowRaw());
        norm.addAll(values.overflowNorm());
        List<Readings.Reading> readings;
        if (raw.size() == width) {
            if (values.overflowRaw().isEmpty()) {
                return new Pending(row, label, values, null);
            }
            readings = new ArrayList<>(
                    List.of(new Readings.Reading(raw.toArray(String[]::new), norm.toArray(String[]::new))));
        } else if (raw.size() > width) {
            readings = Readings.joins(raw, norm, width);
            if (readings != null && values.overflowRaw().size() < width) {
                // the values without the overflow are a reading too: the arithmetic decides
                readings.add(
                        new Readings.Reading(values.raw().clone(), values.norm().clone()));
            }
        } else if (values.layout() == Layout.END_OF_TEXT) {
            return new Pending(row, label, values, null);
        } else if (values.layout() == Layout.ONE_PER_LINE && collapsedLines) {
            readings = Readings.expansions(raw, norm, width);
        } else {
            readings = List.of();
        }
        List<Readings.Reading> fitting = new ArrayList<>();
        if (readings != null) {
            for (Readings.Reading reading : readings) {
                if (group == 0 || Readings.totalsHold(reading.norm(), group)) {
                    fitting.add(reading);
                }
            }
        }
        return new Pending(row, label, values, fitting);
    }

    /**
     * Narrows the readings of rows against equations between rows (per column, the signed sum of the rows is 0):
     * a reading stays when some choice of the other rows' readings satisfies the equation. An equation that no
     * choice satisfies (the published numbers disagree) narrows nothing: the arithmetic rules report it.
     */
    private static void settle(Map<String, Pending> byRow, List<Map<String, Integer>> equations, int columns) {
        for (int round = 0; round < 4; round++) {
            boolean changed = false;
            for (Map<String, Integer> equation : equations) {
                changed |= narrow(byRow, equation, columns);
            }
            if (!changed) {
                return;
            }
        }
    }

    private static boolean narrow(Map<String, Pending> byRow, Map<String, Integer> equation, int columns) {
        List<Pending> rows = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        long combinations = 1;
        for (Map.Entry<String, Integer> term : equation.entrySet()) {
            Pending pending = byRow.get(term.getKey());
            if (pending == null || (pending.readings != null && pending.readings.isEmpty())) {
                return false;
            }
            rows.add(pending);
            signs.add(term.getValue());
            combinations *= pending.readings == null ? 1 : pending.readings.size();
        }
        if (combinations <= 1 || combinations > Readings.MAX_READINGS) {
            return false;
        }
        List<List<String[]>> choices = new ArrayList<>();
        for (Pending pending : rows) {
            List<String[]> norms = new ArrayList<>();
            if (pending.readings == null) {
                norms.add(pending.values.norm());
            } else {
                pending.readings.forEach(reading -> norms.add(reading.norm()));
            }
            choices.add(norms);
        }
        List<java.util.BitSet> supported = new ArrayList<>();
        choices.forEach(c -> supported.add(new java.util.BitSet(c.size())));
        int[] pick = new int[rows.size()];
        boolean any = false;
        while (true) {
            if (holds(choices, pick, signs, columns)) {
                any = true;
                for (int r = 0; r < pick.length; r++) {
                    supported.get(r).set(pick[r]);
                }
            }
            int r = 0;
            while (r < pick.length && ++pick[r] == choices.get(r).size()) {
                pick[r++] = 0;
            }
            if (r == pick.length) {
                break;
            }
        }
        if (!any) {
            return false;
        }
        boolean changed = false;
        for (int r = 0; r < rows.size(); r++) {
            Pending pending = rows.get(r);
            if (pending.readings == null || supported.get(r).cardinality() == pending.readings.size()) {
                continue;
            }
            List<Readings.Reading> kept = new ArrayList<>();
            for (int i = 0; i < pending.readings.size(); i++) {
                if (supported.get(r).get(i)) {
                    kept.add(pending.readings.get(i));
                }
            }
            pending.readings = kept;
            changed = true;
        }
        return changed;
    }

    private static boolean holds(List<List<String[]>> choices, int[] pick, List<Integer> signs, int columns) {
        for (int c = 0; c < columns; c++) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean numbers = true;
            for (int r = 0; r < pick.length && numbers; r++) {
                String[] norm = choices.get(r).get(pick[r]);
                BigDecimal value = c < norm.length ? Readings.number(norm[c]) : null;
                numbers = value != null;
                if (numbers) {
                    sum = signs.get(r) > 0 ? sum.add(value) : sum.subtract(value);
                }
            }
            if (numbers && sum.signum() != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stores a settled row: one reading is read; with several, the cells all readings agree on are read and the
     * others reported unreadable with the readings; with none, the whole row is unreadable.
     */
    private void store(Pending pending) {
        if (pending.readings == null) {
            store(pending.row, pending.values, pending.label);
            return;
        }
        List<String> keys = new ArrayList<>();
        List<CellType> types = new ArrayList<>();
        for (TableColumn column : pending.row.columns()) {
            keys.add(pending.row.cellKey(column));
            types.add(column.type());
        }
        storeReadings(keys, types, pending);
    }

    private void storeReadings(List<String> keys, List<CellType> types, Pending pending) {
        List<Readings.Reading> readings = pending.readings;
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String agreed = readings.isEmpty() || !pending.confirmed
                    ? null
                    : readings.getFirst().norm()[i];
            for (Readings.Reading reading : readings) {
                if (!reading.norm()[i].equals(agreed)) {
                    agreed = null;
                    break;
                }
            }
            if (agreed == null) {
                unreadable.add(key);
                continue;
            }
            CellValue value = value(readings.getFirst().raw()[i], agreed, types.get(i));
            if (value == null) {
                report.blank(key);
            } else {
                report.cell(key, value);
            }
        }
        if (unreadable.isEmpty()) {
            return;
        }
        List<String> written = writtenValues(pending);
        String list = String.join(" ", written);
        boolean runTogether = runTogether(written, readings, keys.size());
        String holdsZh = runTogether
                ? "“" + pending.label + "”的数值连写成一串数字（" + list + "）"
                : "“" + pending.label + "”写有" + written.size() + "个数值（" + list + "）";
        String holdsEn = runTogether
                ? "“" + pending.label + "” has its values run together as one number (" + list + ")"
                : "“" + pending.label + "” holds " + written.size() + " values (" + list + ")";
        if (readings.isEmpty()) {
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    unreadable,
                    holdsZh
                            + (runTogether
                                    ? "，无法按表格的合计关系拆成" + keys.size() + "个数值"
                                    : "，应有" + keys.size() + "个，无法确定各数值所在的列（须符合表格的合计关系）")
                            + "，未读入：" + cellNames(unreadable, "；"),
                    holdsEn
                            + (runTogether
                                    ? ", which cannot be cut into its " + keys.size()
                                            + " cells consistently with the table's totals"
                                    : " for " + keys.size()
                                            + " cells, which cannot be placed consistently with the table's totals")
                            + "; not read: " + cellNames(unreadable, "; ")));
        } else {
            List<String> each = new ArrayList<>();
            for (Readings.Reading reading : readings.subList(0, Math.min(readings.size(), 6))) {
                each.add("(" + reading.describe() + ")");
            }
            String shown = String.join(" ", each) + (readings.size() > 6 ? " …" : "");
            // why fewer values than cells admit several readings: the dump wrote each run of equal lines once
            boolean collapsed = collapsedLines && !runTogether && written.size() < keys.size();
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    unreadable,
                    holdsZh + (collapsed ? "（这份文本的相邻重复行只留一行，一个数值可能代表几个相同的单元格）" : "")
                            + "，可读作" + readings.size() + "种" + (readings.size() == 1 ? "（表中无合计可供核对）" : "")
                            + "：" + shown + "；请核对原文后填写：" + cellNames(unreadable, "；"),
                    holdsEn
                            + (collapsed
                                    ? " (this text writes lines repeated one after another once, so a value may"
                                            + " stand for several equal cells)"
                                    : "")
                            + ", which can be read in "
                            + (readings.size() == 1
                                    ? "one way that nothing in the table confirms"
                                    : readings.size() + " ways")
                            + ": " + shown + "; check the source and fill in: "
                            + cellNames(unreadable, "; ")));
        }
    }

    /**
     * True when one run of digits stands for several cells, a digit or more each (a portal's text without
     * separators), rather than one value standing for a run of equal cells (a dump that collapsed repeats).
     */
    private static boolean runTogether(List<String> written, List<Readings.Reading> readings, int cells) {
        if (written.size() != 1 || !isDigits(written.getFirst())) {
            return false;
        }
        return readings.isEmpty()
                ? written.getFirst().length() >= cells
                : !readings.getFirst().raw()[0].equals(written.getFirst());
    }

    private static List<String> writtenValues(Pending pending) {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < pending.values.held(); i++) {
            written.add(pending.values.raw()[i].isEmpty() ? "空" : pending.values.raw()[i]);
        }
        written.addAll(pending.values.overflowRaw());
        return written;
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
        findings.add(Finding.of(
                RuleId.STRUCTURE,
                List.of(),
                table + "有格式之外的行“" + label + "”（数值：" + values.describe() + "），未计入任何单元格",
                table(section) + " has a row the format does not have: “" + label + "” (values: " + values.describe()
                        + "); it was not read into any cell"));
    }

    private void reportDuplicate(Section section, TableRow row, String label) {
        if (!mayReportRow()) {
            return;
        }
        findings.add(Finding.of(
                RuleId.STRUCTURE,
                List.of(),
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
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    cells,
                    "未找到" + tableName(section) + "（" + section.titleZh() + "）",
                    table(section) + " (" + section.titleEn() + ") was not found"));
        } else {
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    cells,
                    tableName(section) + "缺少" + labels.size() + "行：" + String.join("；", labels),
                    table(section) + " lacks " + labels.size() + " rows: " + String.join("; ", labels)));
        }
    }

    /** Cells as the table names them ("三、(七)总计 · 总计"), never their keys: the finding is read by people. */
    private static String cellNames(List<String> keys, String separator) {
        return keys.stream()
                .map(key -> dev.gongkai.report.labels.Labels.cell(key, Locale.CHINA))
                .collect(Collectors.joining(separator));
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
        StringBuilder blockHeader = new StringBuilder();
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
            String firstNorm = line.firstNorm();
            if (firstNorm != null && firstNorm.startsWith("第二十条")) {
                blockHeader.setLength(0);
            }
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
            if (row == null) {
                for (int c = line.first; c < end; c++) {
                    if (line.norm[c] != null) {
                        blockHeader.append(line.norm[c]);
                    }
                }
            }
            if (row != null) {
                Values values = collect(i, end, to, localWidth(v2019, blockHeader, row));
                Pending glued = values.held() == 0 ? glued(row, line, label, 0) : null;
                if (glued != null && found.add(row.key())) {
                    consumed[i] = true;
                    store(glued);
                    continue;
                }
                if (values.held() == 0) {
                    continue; // a sentence naming the row, not the row
                }
                values = withAmount(row, values, to);
                markConsumed(i, values.lastLine());
                if (!found.add(row.key())) {
                    reportDuplicate(Section.S2, row, label);
                    continue;
                }
                if (v2019
                        && isLocalItemsHeader(blockHeader)
                        && row.columns().getFirst().key().equals("previousItems")) {
                    storeLocalItems(row, label, values, blockHeader.toString().contains("决定数量"));
                    continue;
                }
                store(pending(row, label, values, 0));
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

    /**
     * True for a local 2019 table 二 whose item rows count this year's items ("2019年项目数量", with or without
     * 处理决定数量) instead of the national 上一年项目数量 / 本年增/减 / 处理决定数量.
     */
    private static boolean isLocalItemsHeader(StringBuilder header) {
        String text = header.toString();
        return text.contains("项目数量") && !text.contains("上一年") && !text.contains("增/减") && !text.contains("采购");
    }

    private static int localWidth(boolean v2019, StringBuilder header, TableRow row) {
        if (v2019
                && isLocalItemsHeader(header)
                && row.columns().getFirst().key().equals("previousItems")) {
            return header.toString().contains("决定数量") ? 2 : 1;
        }
        return row.columns().size();
    }

    /**
     * A row of the local 2019 variant: its 处理决定数量 is the national cell; its count of this year's items has
     * no cell in the format (it is not 上一年项目数量), so 上一年项目数量 and 本年增/减 are reported unreadable.
     */
    private void storeLocalItems(TableRow row, String label, Values values, boolean decisions) {
        List<String> unread = new ArrayList<>();
        for (TableColumn column : row.columns()) {
            if (!column.key().equals("decisions") || !decisions) {
                unread.add(row.cellKey(column));
            }
        }
        if (decisions && values.held() == 2) {
            TableColumn column = row.columns().getLast();
            CellValue value = value(values.raw()[1], values.norm()[1], column.type());
            if (value == null) {
                report.blank(row.cellKey(column));
            } else {
                report.cell(row.cellKey(column), value);
            }
        } else if (decisions) {
            unread.add(row.cellKey(row.columns().getLast()));
        }
        String items = values.held() > 0 ? values.raw()[0] : "?";
        findings.add(Finding.of(
                RuleId.STRUCTURE,
                unread,
                "表二“" + label + "”按本地表样填写（“年项目数量”" + (decisions ? "、“处理决定数量”" : "")
                        + "），不是全国格式的“上一年项目数量、本年增/减”：项目数量" + items + "未读入；请在编辑器中填写："
                        + cellNames(unread, "；"),
                "table 二 row “" + label + "” follows a local layout (this year's 项目数量"
                        + (decisions ? " and 处理决定数量" : "")
                        + ") instead of the national 上一年项目数量 and 本年增/减: the item count "
                        + items + " was not read; fill in: " + cellNames(unread, "; ")));
    }

    /**
     * The 2019 procurement row's amount is text with its unit ("481714587.29元"), which does not end a row's values
     * as a number would: taken from the line after the count, with a unit the page broke onto the next line
     * ("8.175万" / "元").
     */
    private Values withAmount(TableRow row, Values values, int to) {
        int width = row.columns().size();
        if (values.held() != width - 1 || row.columns().getLast().type() != CellType.TEXT) {
            return values;
        }
        int next = values.lastLine() + 1;
        while (next < to && lines[next].isEmpty()) {
            next++;
        }
        if (next >= to || consumed[next] || lines[next].filled != 1 || !isAmount(lines[next].firstNorm())) {
            return values;
        }
        String raw = lines[next].raw[lines[next].first];
        int last = next;
        int unit = next + 1;
        if (raw.endsWith("万") && unit < to && !consumed[unit] && "元".equals(lines[unit].paragraphNorm())) {
            raw += "元";
            last = unit;
        }
        String[] rawValues = values.raw().clone();
        String[] normValues = values.norm().clone();
        rawValues[width - 1] = raw;
        normValues[width - 1] = TextNormalizer.label(raw);
        return new Values(rawValues, normValues, width, values.surplus(), last, values.layout(), List.of(), List.of());
    }

    /** An amount as written: digits with separators and a unit of 元, 万 or 亿. */
    private static boolean isAmount(String norm) {
        if (norm == null || norm.isEmpty() || norm.length() > 24 || norm.charAt(0) < '0' || norm.charAt(0) > '9') {
            return false;
        }
        for (int i = 0; i < norm.length(); i++) {
            if ("0123456789.,元万亿".indexOf(norm.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTable2Header(String norm) {
        return norm.contains("第二十条")
                || norm.contains("信息内容")
                || norm.contains("件数")
                || norm.contains("数量")
                || norm.contains("金额")
                || norm.contains("增/减")
                || norm.contains("单位")
                || norm.startsWith("第");
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
        Map<String, Pending> pendings = new java.util.LinkedHashMap<>();
        List<String> subtotals = new ArrayList<>();
        String group = null;
        boolean afterResults = false;
        TableRow wrapped = null;
        String wrappedLabel = null;
        int wrappedLine = -1;
        // a label without values that names no row: perhaps the start of one wrapped around its values
        String fragment = null;
        int fragmentLine = -1;
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
                Values values = collect(i, end, to, width, subtotalColumn < 0);
                Pending glued = values.held() == 0 && subtotalColumn < 0 ? glued(row, line, label, width) : null;
                if (glued != null && found.add(row.key())) {
                    consumed[i] = true;
                    pendings.put(row.key(), glued);
                    continue;
                }
                if (values.held() == 0 || emptyBeforeWrappedRest(values, i, to, width)) {
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
                pendings.put(row.key(), pending(row, label, values, width));
                if (row.key().equals("s3.handledTotal")) {
                    group = null;
                }
            } else if (last.kind() != Labels.Kind.HEADER && last.kind() != Labels.Kind.SPAN) {
                Values values = collect(i, end, to, width);
                if (!values.hasNumber()) {
                    // consecutive label-only lines are one label broken over them
                    boolean more = fragment != null
                            && fragmentLine == previousFilled(i)
                            && fragment.length() + label.length() <= Labels.MAX_ROW_LABEL;
                    fragment = more ? fragment + label : label;
                    fragmentLine = i;
                    continue;
                }
                Around around = around(
                        rows, group, fragmentLine == previousFilled(i) ? fragment : null, label, values.lastLine(), to);
                fragment = null;
                if (around == null || found.contains(around.row().key())) {
                    markConsumed(i, values.lastLine());
                    reportExtraRow(Section.S3, label, values);
                    continue;
                }
                markConsumed(i, values.lastLine());
                if (around.restLine() >= 0) {
                    consumed[around.restLine()] = true;
                }
                if (subtotalColumn >= 0) {
                    values = dropColumn(values, subtotalColumn, around.label(), subtotals);
                }
                found.add(around.row().key());
                pendings.put(around.row().key(), pending(around.row(), around.label(), values, width));
            }
        }
        settle(pendings, table3Equations(), width);
        pendings.values().forEach(this::store);
        if (subtotalColumn >= 0) {
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    List.of(),
                    "表三有格式之外的列“法人或其他组织小计”，其数值未计入单元格（各行：" + String.join("；", subtotals) + "）",
                    "table 三 has a column the format does not have (法人或其他组织小计, a subtotal of the "
                            + "organisations); its values were not read into cells (by row: "
                            + String.join("; ", subtotals) + ")"));
        }
        return found;
    }

    /**
     * A row's cells all empty on its label's line, and the next line a label's rest with values: a table drawn in
     * text ({@code w3m -dump}) writes a cell wrapped over lines on each of them, «2.申请人逾期未按收费通知要求缴纳 │ │ │»
     * then «费用、行政机关不再处理其政府信息 │ 0 │ 0 │», and the values belong to the label as a whole.
     */
    private boolean emptyBeforeWrappedRest(Values values, int at, int to, int width) {
        for (int c = 0; c < values.held(); c++) {
            if (!values.raw()[c].isEmpty()) {
                return false;
            }
        }
        int next = at + 1;
        if (next >= to || consumed[next] || lines[next].isEmpty()) {
            return false;
        }
        int end = labelRunEnd(lines[next]);
        return end >= 0
                && end < lines[next].raw.length
                && collect(next, end, to, width).hasNumber();
    }

    /** A table 三 row whose label a layout wrapped around its values, the line of its label's rest (-1: none). */
    private record Around(TableRow row, String label, int restLine) {}

    /**
     * The row a label names that no row matches alone, when the text around its values completes it: columns aligned
     * with spaces (a PDF's text layout) wrap a long label over two or three lines with the values on the middle one
     * («5.要求行政机关确认或重新出» / «1 0 0 0 0 0 1» / «具已获取信息»), or on the line of its last part. The label's
     * start ({@code before}, the label-only lines right above) and rest (the label-only line right after its values,
     * unless it names a row or group of its own) are tried whole first; a row is taken only when the joined label
     * names exactly one row of the table, as any label must, so an unrelated line never lends its words.
     */
    private Around around(
            Map<String, TableRow> rows, String group, String before, String label, int valuesEnd, int to) {
        int after = nextFilled(valuesEnd + 1, to);
        String rest = null;
        if (after >= 0 && !consumed[after] && labelRunEnd(lines[after]) >= 0 && !lines[after].isValues()) {
            rest = lines[after].text();
            if (namesAnotherRow(group, rest, label)
                    || collect(after, lines[after].raw.length, to, 1).hasNumber()) {
                rest = null; // the next row's label (its values below it), never the rest of this one
            }
        }
        List<Around> tries = new ArrayList<>(4);
        if (before != null && rest != null) {
            tries.add(new Around(null, before + label + rest, after));
        }
        if (before != null) {
            tries.add(new Around(null, before + label, -1));
        }
        if (rest != null) {
            tries.add(new Around(null, label + rest, after));
        }
        if (before != null && rest != null) {
            // the values' line holds another column's words («（五）», the group's label broken beside the row's)
            tries.add(new Around(null, before + rest, after));
        }
        for (Around attempt : tries) {
            String norm = TextNormalizer.label(attempt.label());
            Labels.Label3 named = Labels.table3(norm, group, true);
            TableRow row = named.kind() == Labels.Kind.ROW ? rows.get(named.row()) : null;
            if (row != null) {
                return new Around(row, attempt.label(), attempt.restLine());
            }
        }
        return null;
    }

    /** A label's numbering: «2、», «3.», «（六）», «四、». */
    private static final java.util.regex.Pattern NUMBERED =
            java.util.regex.Pattern.compile("[（(]?[0-9０-９一二三四五六七八九十]+[)）]?[、.．]|[（(][一二三四五六七八九十]+[)）]");

    /**
     * Whether a line after a row's values names something else than the rest of that row: a numbered label, a group,
     * a header, or a row other than the one its joining names («规禁止公开» alone names 其他法律行政法规禁止公开 as joined, so it may be
     * the rest of «2.其他法律行政法»).
     */
    private static boolean namesAnotherRow(String group, String rest, String label) {
        if (NUMBERED.matcher(rest.strip()).lookingAt()) {
            return true; // «2、申请人逾期未按收费…»: a row of its own
        }
        Labels.Label3 alone = Labels.table3(TextNormalizer.label(rest), group, true);
        if (alone.kind() == Labels.Kind.UNKNOWN) {
            return false;
        }
        Labels.Label3 joined = Labels.table3(TextNormalizer.label(label + rest), group, true);
        return alone.kind() != Labels.Kind.ROW
                || joined.kind() != Labels.Kind.ROW
                || !alone.row().equals(joined.row());
    }

    /** The last line before {@code i} that is not empty, or -1. */
    private int previousFilled(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!lines[j].isEmpty()) {
                return j;
            }
        }
        return -1;
    }

    /** The first line from {@code i} on (before {@code to}) that is not empty, or -1. */
    private int nextFilled(int i, int to) {
        for (int j = i; j < to; j++) {
            if (!lines[j].isEmpty()) {
                return j;
            }
        }
        return -1;
    }

    /**
     * A row whose values a page glued to its label without separators ("行政规范性文件693665" for 69 / 3 / 665):
     * the digits the label's line ends with, cut into the row's values in every way the row's total admits; null
     * when the line does not end with at least one digit per column.
     */
    private Pending glued(TableRow row, TextLine line, String label, int group) {
        String norm = line.paragraphNorm();
        int width = row.columns().size();
        if (norm == null || row.columns().getLast().type() == CellType.TEXT) {
            return null;
        }
        int start = norm.length();
        while (start > 0 && (Character.isDigit(norm.charAt(start - 1)) || norm.charAt(start - 1) == '.')) {
            start--;
        }
        while (start < norm.length() && norm.charAt(start) == '.') {
            start++;
        }
        String digits = norm.substring(start);
        if (digits.length() < width || start == 0) {
            return null;
        }
        List<String[]> splits = Readings.splits(digits, width);
        List<Readings.Reading> readings = new ArrayList<>();
        for (String[] split : splits == null ? List.<String[]>of() : splits) {
            boolean numbers = true;
            for (String part : split) {
                numbers &= CellText.isNumber(part);
            }
            if (numbers && (group == 0 || Readings.totalsHold(split, group))) {
                readings.add(new Readings.Reading(split, split));
            }
        }
        String written = norm.substring(0, start);
        Values values = new Values(
                new String[] {digits}, new String[] {digits}, 1, 0, -1, Layout.IN_LINE, List.of(), List.of());
        Pending pending = new Pending(row, written.isEmpty() ? label : written, values, readings);
        // Without a total to check it against, a single split is no proof: an empty cell the page dropped
        // ("330" for 33, 0, blank) looks the same. It is offered to the clerk, not read.
        pending.confirmed = group > 0 || width == 1;
        return pending;
    }

    /**
     * The run of at least {@code width} digits that table 四's header words, ending with its last one (总计), run
     * into ("…尚未审结总计000000000000000"), or null: a number in a sentence (a telephone number) is not a row.
     */
    private static String trailingDigits(String norm, int width) {
        if (norm == null) {
            return null;
        }
        int at = norm.length();
        while (at > 0 && norm.charAt(at - 1) >= '0' && norm.charAt(at - 1) <= '9') {
            at--;
        }
        return norm.startsWith("总计", at - 2) && norm.length() - at >= width ? norm.substring(at) : null;
    }

    private static boolean isDigits(String norm) {
        for (int i = 0; i < norm.length(); i++) {
            if (norm.charAt(i) < '0' || norm.charAt(i) > '9') {
                return false;
            }
        }
        return !norm.isEmpty();
    }

    /** Table 三's equations between rows, per column: the balance and the (七)总计 of the result rows. */
    private List<Map<String, Integer>> table3Equations() {
        Map<String, Integer> balance = new java.util.LinkedHashMap<>();
        balance.put("s3.received", 1);
        balance.put("s3.carriedOver", 1);
        balance.put("s3.handledTotal", -1);
        balance.put("s3.carriedForward", -1);
        Map<String, Integer> handled = new java.util.LinkedHashMap<>();
        for (TableRow row : layout.resultRows()) {
            handled.put(row.key(), 1);
        }
        handled.put("s3.handledTotal", -1);
        return List.of(balance, handled);
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
     * When there are fewer or more values than 15, the readings they admit are settled by the totals of its three
     * groups (see {@link Readings}); the first values of a text cut short are kept as they are. Returns the number
     * of values found.
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
        List<String> raw = new ArrayList<>();
        List<String> norm = new ArrayList<>();
        int pendingEmpty = 0;
        int lastLine = -1;
        boolean onePerLine = true;
        boolean interrupted = false;
        for (int i = from; i < to && raw.size() < 2 * width; i++) {
            if (consumed[i]) {
                continue;
            }
            TextLine line = lines[i];
            if (line.isEmpty()) {
                // One value per line: an empty line between values is a blank cell (see collect).
                if (emptyLineIsBlank && !raw.isEmpty() && line.raw.length <= 1 && !line.isMark()) {
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
            String gluedToWords = raw.isEmpty() && start == line.raw.length && start > 0
                    ? trailingDigits(line.norm[start - 1], width)
                    : null;
            if (gluedToWords != null) {
                // the whole table on one line, its header words and then its values glued without separators
                consumed[i] = true;
                lastLine = i;
                raw.add(gluedToWords);
                norm.add(gluedToWords);
                continue;
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
                // words among the values: a header cell the text put between them
                interrupted |= !raw.isEmpty() && raw.size() < width;
                continue;
            }
            for (; pendingEmpty > 0 && raw.size() < width; pendingEmpty--) {
                raw.add("");
                norm.add("");
            }
            pendingEmpty = 0;
            consumed[i] = true;
            lastLine = i;
            int lo = start;
            int hi = line.raw.length;
            int need = Math.max(0, width - raw.size());
            while (hi - lo > need && line.raw[hi - 1].isEmpty()) {
                hi--;
            }
            while (hi - lo > need && line.raw[lo].isEmpty()) {
                lo++;
            }
            onePerLine &= hi - lo <= 1;
            for (int c = lo; c < hi; c++) {
                if (raw.size() >= width && line.raw[c].isEmpty()) {
                    continue;
                }
                raw.add(line.raw[c]);
                norm.add(line.norm[c]);
            }
        }
        if (pendingEmpty > 0 && raw.size() + pendingEmpty == width && to < lines.length) {
            // the last cells, one per line, left empty before the next section (not the end of a truncated text)
            for (; raw.size() < width; ) {
                raw.add("");
                norm.add("");
            }
        }
        int held = raw.size();
        List<Readings.Reading> readings = null;
        if (held > width) {
            readings = new ArrayList<>();
            List<Readings.Reading> joins = onePerLine ? Readings.joins(raw, norm, width) : List.of();
            for (Readings.Reading reading : joins == null ? List.<Readings.Reading>of() : joins) {
                if (Readings.totalsHold(reading.norm(), 5)) {
                    readings.add(reading);
                }
            }
            if (readings.isEmpty()) {
                readings = null; // not numbers broken over lines: the first 15 are read, the surplus reported
            }
        } else if (held == 1 && raw.getFirst().length() >= width && isDigits(norm.getFirst())) {
            // the 15 values glued into one run of digits: cut where the group totals allow
            readings = new ArrayList<>();
            List<String[]> splits = Readings.splitsWithTotals(norm.getFirst(), width / 5, 5);
            for (String[] split : splits == null ? List.<String[]>of() : splits) {
                readings.add(new Readings.Reading(split, split));
            }
        } else if (held > 0 && held < width && !restIsEmpty(lastLine + 1)) {
            readings = new ArrayList<>();
            List<Readings.Reading> expansions =
                    onePerLine && collapsedLines ? Readings.expansions(raw, norm, width) : List.of();
            for (Readings.Reading reading : expansions == null ? List.<Readings.Reading>of() : expansions) {
                if (Readings.totalsHold(reading.norm(), 5)) {
                    readings.add(reading);
                }
            }
        }
        if (readings != null) {
            TableRow whole = new TableRow("s4", "表四", List.of(), List.of());
            Values values = new Values(
                    raw.toArray(String[]::new),
                    norm.toArray(String[]::new),
                    held,
                    0,
                    lastLine,
                    Layout.ONE_PER_LINE,
                    List.of(),
                    List.of());
            storeReadings(keys, types, new Pending(whole, "表四", values, readings));
            return held;
        }
        Set<Integer> misplaced = onePerLine && interrupted ? groupsOutOfPlace(norm, width, 5) : Set.of();
        for (int group : misplaced) {
            List<String> cells = keys.subList(group * 5, group * 5 + 5);
            String read = String.join("、", raw.subList(group * 5, Math.min(held, group * 5 + 5)));
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    cells,
                    "表四的数值一行一个，按顺序排入「" + rows.get(group).label() + "」一组的（" + read + "）不符合“总计等于前四项之和”，无法确定各数值所在的列，未读入："
                            + cellNames(cells, "；"),
                    "table 四 lists its values one per line, and those that fall in order into the group «"
                            + rows.get(group).label() + "» (" + read.replace("、", ", ")
                            + ") do not make its total the sum of the other four, so their columns cannot be known; "
                            + "not read: " + cellNames(cells, "; ")));
        }
        int surplus = 0;
        for (int k = 0; k < held; k++) {
            if (k >= width) {
                if (!raw.get(k).isEmpty()) {
                    surplus++;
                }
                continue;
            }
            if (misplaced.contains(k / 5)) {
                continue;
            }
            CellValue value = value(raw.get(k), norm.get(k), types.get(k));
            if (value == null) {
                report.blank(keys.get(k));
            } else {
                report.cell(keys.get(k), value);
            }
        }
        held = Math.min(held, width);
        if (held == 0) {
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    keys,
                    "未找到表四（" + Section.S4.titleZh() + "）的数值",
                    "the values of table 四 (" + Section.S4.titleEn() + ") were not found"));
        } else if (held < width) {
            List<String> missing = keys.subList(held, width);
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    missing,
                    "表四只有" + held + "个数值，应有" + width + "个：缺少" + cellNames(missing, "；"),
                    "table 四 holds " + held + " of its " + width + " values; missing: " + cellNames(missing, "; ")));
        }
        if (surplus > 0) {
            findings.add(Finding.of(
                    RuleId.STRUCTURE,
                    List.of(),
                    "表四比格式多出" + surplus + "个数值，多出的数值未读入",
                    "table 四 holds " + surplus + " more values than the format's 15 cells; the surplus was not read"));
        }
        return held;
    }

    /**
     * The groups of table 四 whose five values, taken one per line in the national order, do not make the group's
     * total the sum of its other four. Used where the values came one per line with header words between them: a
     * PDF's plain text lists a table's cells in its own order (column by column, a header cell among the values), so
     * a value's position is not its column, and a group that does not add up is more likely out of place than
     * misreported: it is named unreadable rather than stored in the wrong cells. A group with a blank or a word is
     * left to the checks.
     */
    private static Set<Integer> groupsOutOfPlace(List<String> norm, int width, int group) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (int g = 0; g * group + group <= Math.min(width, norm.size()); g++) {
            String[] values = norm.subList(g * group, g * group + group).toArray(String[]::new);
            if (!Readings.totalsHold(values, group)) {
                out.add(g);
            }
        }
        return out;
    }
}
