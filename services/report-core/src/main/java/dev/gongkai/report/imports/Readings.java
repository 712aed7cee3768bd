package dev.gongkai.report.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The readings a row's values admit when they do not match its columns one to one, for the format's arithmetic to
 * choose from (see {@link TableReader}): fewer values than columns in a dump that collapsed repeated lines ("8 0 8"
 * for 8, 0, 0, 0, 0, 0, 8: each value stands for a run of equal cells, and neighbouring values differ), more values
 * than columns where a page broke numbers over lines ("1" / "62" for 162), and digits glued together
 * ("693665" for 69 / 3 / 665). Every reading is a full row; none is chosen here.
 */
final class Readings {

    /** No row is worth more readings than this: beyond it the row is reported unreadable. */
    static final int MAX_READINGS = 5_000;

    /** A full row of values: as written and in comparison form. */
    record Reading(String[] raw, String[] norm) {
        String describe() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < raw.length; i++) {
                if (i > 0) {
                    text.append(", ");
                }
                text.append(raw[i].isEmpty() ? "空" : raw[i]);
            }
            return text.toString();
        }
    }

    private Readings() {}

    /**
     * Each value repeated over a run of one or more cells, the runs filling {@code width} cells; none when two
     * neighbouring values are equal (a collapsed dump never writes the same line twice in a row). Null when there
     * are more than {@link #MAX_READINGS}.
     */
    static List<Reading> expansions(List<String> raw, List<String> norm, int width) {
        int k = raw.size();
        List<Reading> readings = new ArrayList<>();
        if (k == 0 || k > width) {
            return readings;
        }
        for (int i = 1; i < k; i++) {
            if (norm.get(i).equals(norm.get(i - 1))) {
                return readings;
            }
        }
        int[] runs = new int[k];
        return compose(width, runs, 0, readings, () -> {
                    String[] r = new String[width];
                    String[] n = new String[width];
                    int at = 0;
                    for (int i = 0; i < k; i++) {
                        for (int c = 0; c < runs[i]; c++, at++) {
                            r[at] = raw.get(i);
                            n[at] = norm.get(i);
                        }
                    }
                    return new Reading(r, n);
                })
                ? readings
                : null;
    }

    /**
     * The values grouped into {@code width} runs of neighbours, each run of several written as one number (its
     * digits joined); a run may not join a sign, a decimal point or a leading zero into the middle of a number.
     * Null when there are more than {@link #MAX_READINGS}.
     */
    static List<Reading> joins(List<String> raw, List<String> norm, int width) {
        int k = raw.size();
        List<Reading> readings = new ArrayList<>();
        if (k < width || width == 0) {
            return readings;
        }
        int[] runs = new int[width];
        List<Reading> all = new ArrayList<>();
        boolean bounded = compose(k, runs, 0, all, () -> {
            String[] r = new String[width];
            String[] n = new String[width];
            int at = 0;
            for (int i = 0; i < width; i++) {
                if (runs[i] == 1) {
                    r[i] = raw.get(at);
                    n[i] = norm.get(at);
                    at++;
                    continue;
                }
                StringBuilder joined = new StringBuilder();
                for (int c = 0; c < runs[i]; c++, at++) {
                    String part = norm.get(at);
                    if (!isDigits(part, c == 0) || (c == 1 && isZero(joined))) {
                        return null;
                    }
                    joined.append(part);
                }
                r[i] = joined.toString();
                n[i] = r[i];
            }
            return new Reading(r, n);
        });
        return bounded ? all : null;
    }

    /**
     * The ways to cut a run of digits written without separators into {@code parts} numbers (no part with a
     * leading zero unless it is "0"). Null when there are more than {@link #MAX_READINGS}.
     */
    static List<String[]> splits(String digits, int parts) {
        List<String[]> splits = new ArrayList<>();
        String[] current = new String[parts];
        return split(digits, 0, 0, parts, current, splits) ? splits : null;
    }

    private static boolean split(String digits, int from, int part, int parts, String[] current, List<String[]> out) {
        if (part == parts - 1) {
            String last = digits.substring(from);
            if (last.isEmpty() || (last.length() > 1 && last.charAt(0) == '0')) {
                return true;
            }
            current[part] = last;
            out.add(current.clone());
            return out.size() <= MAX_READINGS;
        }
        for (int end = from + 1; end <= digits.length() - (parts - part - 1); end++) {
            if (end - from > 1 && digits.charAt(from) == '0') {
                break;
            }
            current[part] = digits.substring(from, end);
            if (!split(digits, end, part + 1, parts, current, out)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The ways to cut a run of digits into {@code groups} groups of {@code group} numbers, each group ending with
     * the sum of the numbers before it (table 四's 总计), as {@link #splits} would cut them and {@link #totalsHold}
     * filter them, but pruned group by group, so a long run (a compiled report's counts) is cut in time. Null when
     * there are more than {@link #MAX_READINGS}.
     */
    static List<String[]> splitsWithTotals(String digits, int groups, int group) {
        List<String[]> splits = new ArrayList<>();
        String[] current = new String[groups * group];
        return splitGroups(digits, 0, 0, group, current, splits, new int[1]) ? splits : null;
    }

    private static boolean splitGroups(
            String digits, int from, int part, int group, String[] current, List<String[]> out, int[] visited) {
        if (++visited[0] > 1_000 * MAX_READINGS) {
            return false;
        }
        if (part == current.length) {
            if (from == digits.length()) {
                out.add(current.clone());
            }
            return out.size() <= MAX_READINGS;
        }
        int left = current.length - part;
        if (part % group == group - 1) {
            // the total is not cut but computed: the group holds only if the digits go on with it
            long sum = 0;
            for (int c = part - group + 1; c < part; c++) {
                sum += Long.parseLong(current[c]);
            }
            String total = Long.toString(sum);
            if (!digits.startsWith(total, from) || digits.length() - from - total.length() < left - 1) {
                return true;
            }
            current[part] = total;
            return splitGroups(digits, from + total.length(), part + 1, group, current, out, visited);
        }
        for (int end = from + 1; end <= digits.length() - (left - 1) && end - from <= 15; end++) {
            if (end - from > 1 && digits.charAt(from) == '0') {
                break;
            }
            current[part] = digits.substring(from, end);
            if (!splitGroups(digits, end, part + 1, group, current, out, visited)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(CharSequence number) {
        int at = number.length() > 0 && (number.charAt(0) == '-' || number.charAt(0) == '+') ? 1 : 0;
        return number.length() == at + 1 && number.charAt(at) == '0';
    }

    private static boolean isDigits(String norm, boolean first) {
        if (norm.isEmpty()) {
            return false;
        }
        for (int i = 0; i < norm.length(); i++) {
            char c = norm.charAt(i);
            if (!(c >= '0' && c <= '9') && !(first && i == 0 && (c == '-' || c == '+') && norm.length() > 1)) {
                return false;
            }
        }
        return true;
    }

    /** The compositions of {@code total} into {@code runs.length} positive parts; false when past the bound. */
    private static boolean compose(
            int total, int[] runs, int index, List<Reading> out, java.util.function.Supplier<Reading> build) {
        return compose(total, runs, index, out, build, new int[1]);
    }

    private static boolean compose(
            int total,
            int[] runs,
            int index,
            List<Reading> out,
            java.util.function.Supplier<Reading> build,
            int[] visited) {
        int left = runs.length - index;
        if (left == 1) {
            if (total < 1) {
                return true;
            }
            runs[index] = total;
            Reading reading = build.get();
            if (reading != null) {
                out.add(reading);
            }
            return out.size() <= MAX_READINGS && ++visited[0] <= 10 * MAX_READINGS;
        }
        for (int run = 1; run <= total - (left - 1); run++) {
            runs[index] = run;
            if (!compose(total - run, runs, index + 1, out, build, visited)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when every group of {@code group} cells ends with the sum of the cells before it (table 三's 总计, table
     * 四's 总计), as far as the cells hold numbers: a blank or a word leaves its group unchecked.
     */
    static boolean totalsHold(String[] norm, int group) {
        for (int from = 0; from + group <= norm.length; from += group) {
            BigDecimal sum = BigDecimal.ZERO;
            boolean numbers = true;
            for (int c = from; c < from + group - 1 && numbers; c++) {
                BigDecimal value = number(norm[c]);
                numbers = value != null;
                if (numbers) {
                    sum = sum.add(value);
                }
            }
            BigDecimal total = number(norm[from + group - 1]);
            if (numbers && total != null && sum.compareTo(total) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The number a cell holds, or null (blank, word, absent). */
    static BigDecimal number(String norm) {
        return norm == null || !CellText.isNumber(norm) ? null : CellText.number(norm, true);
    }
}
