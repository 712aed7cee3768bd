package dev.gongkai.console.office;

import java.time.LocalDate;

/**
 * The report year the office's pages open on. Year Y's report is drafted from December of Y, when the year's figures
 * are nearly all in, until its deadline on 31 January of Y + 1; from February to November the office is still
 * finishing Y - 1 (late reports, corrections, the compiled report due 31 March).
 */
public final class OfficeYears {

    private OfficeYears() {}

    /** The cycle being drafted on {@code today} (a date in China). */
    public static int drafting(LocalDate today) {
        return today.getMonthValue() == 12 ? today.getYear() : today.getYear() - 1;
    }
}
