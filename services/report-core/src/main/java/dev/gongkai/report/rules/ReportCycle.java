package dev.gongkai.report.rules;

import dev.gongkai.contract.China;
import java.time.LocalDate;

/**
 * The yearly cycle of the annual report, the one place that says which year is which on a given day in China.
 *
 * <p>The report on year Y is drafted from 1 December of Y, when the year's figures are nearly all in, and is due by
 * 31 January of Y + 1 (条例 article 50; the disclosure office's compiled report by 31 March). So on any day:
 *
 * <ul>
 *   <li>the cycle being drafted ({@link #drafting}) is the newest one that has opened: from December the new year,
 *       before that the year before, which the office is still finishing from February to November (late reports,
 *       corrections, the compiled report);
 *   <li>a year is history ({@link #lastHistoryYear}) once its report's deadline has passed: published, late or never
 *       written, a city onboarding brings it in from its archive rather than drafting it.
 * </ul>
 *
 * From February to November both name Y − 1: its deadline has passed and the office still works on it.
 */
public final class ReportCycle {

    private ReportCycle() {}

    /** Today in China, the day every question below is asked on. */
    public static LocalDate today() {
        return LocalDate.now(China.ZONE);
    }

    /** The last day a report on {@code year} may be published: 31 January, or 31 March for a compiled report. */
    public static LocalDate deadline(int year, boolean compiled) {
        return compiled ? LocalDate.of(year + 1, 3, 31) : LocalDate.of(year + 1, 1, 31);
    }

    /** The cycle being drafted on {@code today}: the newest whose drafting has begun (1 December of its year). */
    public static int drafting(LocalDate today) {
        return today.getMonthValue() == 12 ? today.getYear() : today.getYear() - 1;
    }

    /** The newest year whose report's deadline has passed on {@code today}. */
    public static int lastHistoryYear(LocalDate today) {
        int year = today.getYear() - 1;
        while (!today.isAfter(deadline(year, false))) {
            year--;
        }
        return year;
    }
}
