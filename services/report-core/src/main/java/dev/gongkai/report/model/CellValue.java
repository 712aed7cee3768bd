package dev.gongkai.report.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The value of one filled cell. A blank cell has no value at all: blanks are listed in
 * {@link AnnualReport#blank()}, never stored as zero.
 */
public sealed interface CellValue {

    static CellValue of(long value) {
        return new Numeric(BigDecimal.valueOf(value));
    }

    static CellValue of(BigDecimal value) {
        return new Numeric(value);
    }

    static CellValue text(String value) {
        return new Text(value);
    }

    /**
     * A number as written. It may break the cell's range (a negative count, a fraction); the rule
     * {@code CELL_RANGE} reports that instead of the importer dropping it.
     */
    record Numeric(BigDecimal value) implements CellValue {
        public Numeric {
            Objects.requireNonNull(value, "value");
        }

        /** True when the number is a whole number. */
        public boolean isWhole() {
            return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /**
     * Text in a cell: the 2019 procurement amount ("251000元"), or what an importer found in a number cell
     * and could not read as a number (kept so nothing is lost; {@code CELL_RANGE} reports it).
     */
    record Text(String value) implements CellValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
