package dev.gongkai.report.rules;

import dev.gongkai.report.model.AnnualReport;

import java.util.List;

/**
 * The totals a clerk may be offered (填入合计), never written for them: each total cell of tables 三 and 四 that is
 * blank or disagrees with its parts, once every part holds a whole number, with what its parts add up to. The sums
 * are the ones the consistency rules check ({@code S3_ROW_TOTAL}, {@code S3_HANDLED_SUM}, {@code S4_TOTAL}).
 */
public final class Totals {

    /** The total cell's key and the sum of its parts. */
    public record Offer(String cell, long sum) {
    }

    private Totals() {
    }

    public static List<Offer> offered(AnnualReport report) {
        return TableArithmeticRules.offers(CellGrid.of(report));
    }
}
