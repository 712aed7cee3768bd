package dev.gongkai.report.rules;

import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.CellType;
import dev.gongkai.report.model.CellValue;
import dev.gongkai.report.model.ReportTable;
import dev.gongkai.report.model.TableColumn;
import dev.gongkai.report.model.TableRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Every cell holds a value, and the value fits the cell. */
final class CellRules {

    /** 万元 to the fen: 0.000001 万元 is one fen. */
    static final int MAX_AMOUNT_DECIMALS = 6;

    private CellRules() {}

    static List<Rule> all() {
        return List.of(new Missing(), new Range());
    }

    /** One finding per row, naming the row's empty cells: a new draft should not drown in hundreds of findings. */
    private static final class Missing implements Rule {
        @Override
        public RuleId id() {
            return RuleId.CELL_MISSING;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            int i = 0;
            for (ReportTable table : grid.layout.tables()) {
                for (TableRow row : table.rows()) {
                    List<String> keys = null;
                    List<String> labels = null;
                    for (TableColumn column : row.columns()) {
                        byte state = grid.state(i);
                        if (state == CellGrid.ABSENT || state == CellGrid.BLANK) {
                            if (keys == null) {
                                keys = new ArrayList<>();
                                labels = new ArrayList<>();
                            }
                            keys.add(grid.key(i));
                            labels.add(column.label());
                        }
                        i++;
                    }
                    if (keys != null) {
                        findings.add(Finding.of(
                                id(),
                                keys,
                                "%s未填写：%s（空白不等于 0，请填写数字）"
                                        .formatted(TableArithmeticRules.rowZh(row), String.join("、", labels)),
                                "%s has no value in %s (a blank is not a zero; enter a number)"
                                        .formatted(TableArithmeticRules.rowEn(row), String.join(", ", labels))));
                    }
                }
            }
        }
    }

    private static final class Range implements Rule {
        @Override
        public RuleId id() {
            return RuleId.CELL_RANGE;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            for (int i = 0; i < grid.size(); i++) {
                byte state = grid.state(i);
                if (state == CellGrid.ABSENT || state == CellGrid.BLANK) {
                    continue;
                }
                CellDefinition cell = grid.definitions.get(i);
                CellType type = cell.type();
                if (type == CellType.TEXT || (state == CellGrid.WHOLE && type == CellType.SIGNED_COUNT)) {
                    continue;
                }
                if (state == CellGrid.WHOLE && grid.value(i) >= 0) {
                    continue;
                }
                CellValue value = grid.report.cells().get(cell.key());
                String problem = problem(type, value);
                if (problem != null) {
                    String[] words = problem.split("\\|");
                    findings.add(Finding.of(
                            id(),
                            List.of(cell.key()),
                            "%s：填写的“%s”%s".formatted(cell.labelZh(), value, words[0]),
                            "%s: \"%s\" %s".formatted(cell.name(), value, words[1])));
                }
            }
        }

        /** "zh|en" when the value does not fit the cell, null when it does. */
        private static String problem(CellType type, CellValue value) {
            if (!(value instanceof CellValue.Numeric(BigDecimal number))) {
                return type == CellType.AMOUNT
                        ? "不是数字，应为以万元为单位的金额|is not a number; the fee is an amount in 10,000 yuan"
                        : "不是数字，应为整数件数|is not a number; a count is a whole number";
            }
            return switch (type) {
                case COUNT ->
                    number.signum() < 0
                            ? "是负数，件数不能小于 0|is negative; a count cannot be below 0"
                            : "不是整数，件数应为整数|is not a whole number; a count is a whole number";
                case SIGNED_COUNT -> "不是整数，增减数应为整数|is not a whole number; a change is a whole number";
                case AMOUNT -> {
                    if (number.signum() < 0) {
                        yield "是负数，金额不能小于 0|is negative; an amount cannot be below 0";
                    }
                    if (number.stripTrailingZeros().scale() > MAX_AMOUNT_DECIMALS) {
                        yield "小数超过 6 位（万元精确到分只需 6 位小数）" + "|has more than 6 decimals (10,000 yuan to the fen needs 6)";
                    }
                    yield null;
                }
                case TEXT -> null;
            };
        }
    }
}
