package dev.gongkai.report.rules;

import dev.gongkai.contract.OfferedValue;
import dev.gongkai.report.model.AnnualReport;
import java.util.List;

/**
 * The values a clerk may be offered, never written for them, each where the cell is blank or disagrees with the rules
 * and every cell it follows from holds a whole number: a total of tables 三 and 四 (填入合计) with what its parts add
 * up to, the sums the consistency rules check ({@code S3_ROW_TOTAL}, {@code S3_HANDLED_SUM}, {@code S4_TOTAL}); and
 * 结转下年度继续办理 of a column of table 三 (填入结转), which is no sum of parts but what {@code S3_BALANCE} leaves:
 * received + carried over − handled total, offered only when not negative. One offer per cell, a total's first: the
 * 总计 column of 结转下年度 is the sum of its row once the row is filled, and its balance only before.
 */
public final class Totals {

    /**
     * The cell's key and the value offered.
     *
     * @param sum  what its parts add up to, or for a carry-forward what the balance leaves
     * @param kind which of the two
     */
    public record Offer(String cell, long sum, OfferedValue kind) {}

    private Totals() {}

    public static List<Offer> offered(AnnualReport report) {
        return TableArithmeticRules.offers(CellGrid.of(report));
    }
}
