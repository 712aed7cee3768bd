package dev.gongkai.report.rules;

import dev.gongkai.report.model.AnnualReport;
import java.util.List;

/** Runs every rule of the catalogue on a report. Work in progress: being written. */
public final class ReportChecker {
    private ReportChecker() {
    }

    public static List<Finding> check(AnnualReport report) {
        return check(report, CheckContext.none());
    }

    public static List<Finding> check(AnnualReport report, CheckContext context) {
        return List.of();
    }
}
