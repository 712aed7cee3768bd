package dev.gongkai.reports.report;

import dev.gongkai.contract.China;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import java.time.LocalDate;

/** Report years the service accepts: the 2019 format onwards, never a year that has not begun. */
public final class Years {

    public static final int FIRST = 2019;

    private Years() {}

    public static int current() {
        return LocalDate.now(China.ZONE).getYear();
    }

    public static int check(Integer year, String field) {
        if (year == null) {
            throw new ApiException(ProblemCode.REPORT_YEAR_REQUIRED).atField(field);
        }
        if (year < FIRST || year > current()) {
            throw new ApiException(ProblemCode.REPORT_YEAR_OUT_OF_RANGE, year, FIRST, current()).atField(field);
        }
        return year;
    }

    public static ApiException reportNotFound(int year) {
        return new ApiException(ProblemCode.REPORT_NOT_FOUND, year);
    }
}
