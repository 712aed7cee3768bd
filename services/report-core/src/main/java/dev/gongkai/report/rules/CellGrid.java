package dev.gongkai.report.rules;

import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportFormat;
import dev.gongkai.report.model.ReportLayout;
import dev.gongkai.report.model.TableRow;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * A report's cells as arrays in layout order, built once per check so that every rule reads whole numbers without
 * map lookups or BigDecimal arithmetic (checks run hundreds of thousands of times a second).
 */
final class CellGrid {

    static final byte ABSENT = 0;
    static final byte BLANK = 1;
    /** A whole number that fits a long: {@link #value(int)} holds it. */
    static final byte WHOLE = 2;
    /** A number with a fraction, or too large for a long. */
    static final byte FRACTION = 3;

    static final byte TEXT = 4;

    private static final Map<ReportFormat, Map<String, Integer>> INDEX = new EnumMap<>(ReportFormat.class);
    /** Per format: the cell keys in the order of a report's sorted maps, and each one's index in layout order. */
    private static final Map<ReportFormat, SortedKeys> SORTED = new EnumMap<>(ReportFormat.class);

    private record SortedKeys(String[] keys, int[] indexes) {}

    static {
        for (ReportFormat format : ReportFormat.values()) {
            Map<String, Integer> index = new HashMap<>();
            List<CellDefinition> cells = format.layout().cells();
            for (int i = 0; i < cells.size(); i++) {
                index.put(ReportLayout.canonicalKey(cells.get(i).key()), i);
            }
            INDEX.put(format, Map.copyOf(index));
            String[] keys = index.keySet().stream().sorted().toArray(String[]::new);
            SORTED.put(
                    format,
                    new SortedKeys(
                            keys, Arrays.stream(keys).mapToInt(index::get).toArray()));
        }
    }

    final AnnualReport report;
    final ReportLayout layout;
    final List<CellDefinition> definitions;
    private final byte[] state;
    private final long[] values;

    private CellGrid(AnnualReport report) {
        this.report = report;
        this.layout = report.layout();
        this.definitions = layout.cells();
        this.state = new byte[definitions.size()];
        this.values = new long[definitions.size()];
        // A report's maps are sorted like the keys here: one merge over both finds every cell's place without a
        // hash lookup (the keys are the layout's own instances, so most steps end at an identity test).
        SortedKeys sorted = SORTED.get(report.format());
        int at = 0;
        for (Entry<String, CellValue> cell : report.cells().entrySet()) {
            at = seek(sorted.keys, at, cell.getKey());
            if (at < 0) {
                at = -at - 1;
                continue;
            }
            int i = sorted.indexes[at];
            if (cell.getValue() instanceof CellValue.Numeric(BigDecimal number)) {
                long whole = wholeValue(number);
                if (whole != Long.MIN_VALUE) {
                    state[i] = WHOLE;
                    values[i] = whole;
                } else {
                    state[i] = FRACTION;
                }
            } else {
                state[i] = TEXT;
            }
        }
        at = 0;
        for (String key : report.blank()) {
            at = seek(sorted.keys, at, key);
            if (at < 0) {
                at = -at - 1;
                continue;
            }
            state[sorted.indexes[at]] = BLANK;
        }
    }

    /**
     * The position of {@code key} in {@code keys} searching forward from {@code from}; when it is not there,
     * {@code -(where it would be) - 1}, so the next search can go on from there.
     */
    private static int seek(String[] keys, int from, String key) {
        int at = from;
        while (at < keys.length && keys[at] != key) {
            int order = keys[at].compareTo(key);
            if (order == 0) {
                return at;
            }
            if (order > 0) {
                return -at - 1;
            }
            at++;
        }
        return at < keys.length ? at : -at - 1;
    }

    static CellGrid of(AnnualReport report) {
        return new CellGrid(report);
    }

    static int index(ReportFormat format, String key) {
        Integer i = INDEX.get(format).get(key);
        if (i == null) {
            throw new IllegalArgumentException("no cell " + key + " in format " + format.code());
        }
        return i;
    }

    /** Cell indexes of a row, in column order. */
    static int[] rowIndexes(ReportFormat format, TableRow row) {
        return row.columns().stream()
                .mapToInt(column -> index(format, row.cellKey(column)))
                .toArray();
    }

    int size() {
        return state.length;
    }

    byte state(int i) {
        return state[i];
    }

    boolean isWhole(int i) {
        return state[i] == WHOLE;
    }

    boolean allWhole(int... indexes) {
        for (int i : indexes) {
            if (state[i] != WHOLE) {
                return false;
            }
        }
        return true;
    }

    long value(int i) {
        return values[i];
    }

    String key(int i) {
        return definitions.get(i).key();
    }

    private static long wholeValue(BigDecimal number) {
        if (number.signum() == 0) {
            return 0;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException notWhole) {
            return Long.MIN_VALUE;
        }
    }
}
