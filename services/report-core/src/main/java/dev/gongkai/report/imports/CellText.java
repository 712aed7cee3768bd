package dev.gongkai.report.imports;

import java.math.BigDecimal;

/**
 * What a table cell's text holds: nothing (a blank), a number, or words. Works on the comparison form of
 * {@link TextNormalizer#label}, so full-width digits, "－" and "—" arrive here as ASCII.
 */
final class CellText {

    /** Longer cells are words: no count in a report needs more digits, and BigDecimal parsing is not linear. */
    private static final int MAX_NUMBER_LENGTH = 40;

    private CellText() {}

    /**
     * True for what the format's blank cells are written as: nothing, "/", "-", "—", "－", "——", "\". A blank is
     * never a zero.
     */
    static boolean isBlank(String norm) {
        for (int i = 0, n = norm.length(); i < n; i++) {
            char c = norm.charAt(i);
            if (c != '/' && c != '-' && c != '\\') {
                return false;
            }
        }
        return true;
    }

    /** True when the cell could stand in a value column: a blank or a number (with or without a unit). */
    static boolean isValue(String norm) {
        return norm != null && (isBlank(norm) || number(norm, true) != null);
    }

    /** True when the cell holds a number (with or without a unit). */
    static boolean isNumber(String norm) {
        return norm != null && !isBlank(norm) && number(norm, true) != null;
    }

    /**
     * The number a cell holds, or null when it holds words. Accepts a sign, thousands separators in groups of three
     * ("1,234"), decimals ("0.00"), and — when {@code units} — a trailing unit a count or an amount is written with
     * ("5件", "0.5万元"). "251000元" is not read as a number: 元 is not the unit of any number column.
     */
    static BigDecimal number(String norm, boolean units) {
        int end = norm.length();
        if (end == 0 || end > MAX_NUMBER_LENGTH) {
            return null;
        }
        if (units) {
            if (norm.endsWith("万元")) {
                end -= 2;
            } else {
                char last = norm.charAt(end - 1);
                if (last == '件' || last == '个' || last == '项' || last == '条' || last == '次' || last == '宗') {
                    end--;
                }
            }
        }
        int start = 0;
        boolean negative = false;
        if (start < end && (norm.charAt(start) == '-' || norm.charAt(start) == '+')) {
            negative = norm.charAt(start) == '-';
            start++;
        }
        if (start >= end) {
            return null;
        }
        // Fast path: plain digits, the overwhelming case.
        long small = 0;
        int i = start;
        while (i < end && i - start < 18) {
            char c = norm.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            small = small * 10 + (c - '0');
            i++;
        }
        if (i == end) {
            return BigDecimal.valueOf(negative ? -small : small);
        }
        StringBuilder digits = new StringBuilder(end - start + 1);
        if (negative) {
            digits.append('-');
        }
        int groupDigits = 0;
        boolean sawComma = false;
        boolean sawPoint = false;
        int intDigits = 0;
        int fractionDigits = 0;
        for (i = start; i < end; i++) {
            char c = norm.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                if (sawPoint) {
                    fractionDigits++;
                } else {
                    intDigits++;
                    groupDigits++;
                }
            } else if (c == ',' && !sawPoint) {
                // "1,234": the first group has 1–3 digits, every later one exactly 3.
                if (groupDigits == 0 || (sawComma ? groupDigits != 3 : groupDigits > 3)) {
                    return null;
                }
                sawComma = true;
                groupDigits = 0;
            } else if (c == '.' && !sawPoint) {
                if (sawComma && groupDigits != 3) {
                    return null;
                }
                sawPoint = true;
                digits.append('.');
            } else {
                return null;
            }
        }
        if (intDigits == 0 || (sawPoint && fractionDigits == 0) || (sawComma && !sawPoint && groupDigits != 3)) {
            return null;
        }
        return new BigDecimal(digits.toString());
    }
}
