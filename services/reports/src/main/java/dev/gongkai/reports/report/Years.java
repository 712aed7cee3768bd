package dev.gongkai.reports.report;

import dev.gongkai.contract.China;
import dev.gongkai.platform.error.ApiException;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Report years the service accepts: the 2019 format onwards, never a year that has not begun. */
public final class Years {

    public static final ZoneId CHINA = China.ZONE;
    public static final int FIRST = 2019;

    private Years() {
    }

    public static int current() {
        return LocalDate.now(CHINA).getYear();
    }

    public static int check(Integer year, String field) {
        if (year == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "report.year.required", "请填写报告年度",
                    "The report year is required", Map.of("field", field));
        }
        if (year < FIRST || year > current()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "report.year.out-of-range",
                    "报告年度 " + year + " 不在 " + FIRST + " 至 " + current() + " 之间",
                    "Report year " + year + " is not between " + FIRST + " and " + current(),
                    Map.of("field", field));
        }
        return year;
    }

    public static ApiException reportNotFound(int year) {
        return ApiException.notFound("report.not-found", "尚无 " + year + " 年度报告",
                "There is no report for " + year);
    }
}
