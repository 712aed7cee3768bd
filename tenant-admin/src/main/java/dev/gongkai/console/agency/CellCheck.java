package dev.gongkai.console.agency;

import dev.gongkai.report.model.CellType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a typed value means for its cell, before anything is sent: the value to save, or the message key saying in
 * words why it cannot be saved. The same ranges as the rule catalogue's CELL_RANGE; the service checks again.
 */
final class CellCheck {

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final BigDecimal MAX = new BigDecimal("1e15");
    private static final int AMOUNT_DECIMALS = 6;

    private CellCheck() {}

    /**
     * {@code value} null and {@code problem} null: the cell becomes blank.
     *
     * @param value as the canonical JSON holds it: a whole number for counts, a decimal string for amounts, a string
     */
    record Result(Object value, String problem) {
        static Result refused(String problem) {
            return new Result(null, problem);
        }
    }

    /** {@code type} null: not a cell of the report's format. */
    static Result check(CellType type, String typed) {
        if (type == null) {
            return Result.refused("cell.unknown");
        }
        // Spreadsheets and habit add thousands separators and spaces (全角 too); they never change the number.
        String text = typed.strip().replaceAll("[,，\\s\\u3000]", "");
        if (text.isEmpty()) {
            return new Result(null, null);
        }
        if (type == CellType.TEXT) {
            return new Result(typed.strip(), null);
        }
        if (!DECIMAL.matcher(text).matches()) {
            return Result.refused("cell.notNumber");
        }
        BigDecimal number = new BigDecimal(text);
        if (number.abs().compareTo(MAX) >= 0) {
            return Result.refused("cell.tooLarge");
        }
        if (number.signum() < 0 && type != CellType.SIGNED_COUNT) {
            return Result.refused(type == CellType.AMOUNT ? "cell.negativeAmount" : "cell.negative");
        }
        if (type == CellType.AMOUNT) {
            if (number.stripTrailingZeros().scale() > AMOUNT_DECIMALS) {
                return Result.refused("cell.amountDecimals");
            }
            // The fee is a decimal string in the canonical JSON (万元 to the fen), kept as typed.
            return new Result(number.toPlainString(), null);
        }
        if (!WHOLE.matcher(text).matches() && number.stripTrailingZeros().scale() > 0) {
            return Result.refused("cell.notWhole");
        }
        return new Result(number.toBigIntegerExact(), null);
    }
}
