package dev.gongkai.report.rules;

import dev.gongkai.report.model.AnnualReport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs every rule of the catalogue on a report. Stateless and thread-safe. */
public final class ReportChecker {

    private static final List<Rule> RULES = Stream.of(
                    TableArithmeticRules.all(),
                    CellRules.all(),
                    NarrativeRules.all(),
                    CrossYearRules.all(),
                    ComplianceRules.all())
            .flatMap(List::stream)
            .sorted(java.util.Comparator.comparing(Rule::id))
            .toList();

    private ReportChecker() {}

    public static List<Finding> check(AnnualReport report) {
        return check(report, CheckContext.none());
    }

    /** The findings of every rule, rule by rule in the catalogue's order. */
    public static List<Finding> check(AnnualReport report, CheckContext context) {
        CellGrid grid = CellGrid.of(report);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) {
            rule.check(grid, context, findings);
        }
        return findings;
    }
}
