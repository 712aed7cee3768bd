package dev.gongkai.report.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The law's deadlines (条例 articles 49–50). */
final class ComplianceRules {

    private ComplianceRules() {}

    static List<Rule> all() {
        return List.of(new PublishedLate());
    }

    private static final class PublishedLate implements Rule {
        @Override
        public RuleId id() {
            return RuleId.PUBLISHED_LATE;
        }

        @Override
        public void check(CellGrid grid, CheckContext context, List<Finding> findings) {
            Integer year = grid.report.year();
            LocalDate published = grid.report.publishedOn();
            if (year == null || published == null) {
                return;
            }
            LocalDate deadline = ReportCycle.deadline(year, context.compiled());
            if (published.isAfter(deadline)) {
                long late = ChronoUnit.DAYS.between(deadline, published);
                findings.add(Finding.of(
                        id(),
                        List.of(),
                        "%s发布，晚于法定期限 %s %d 天".formatted(published, deadline, late),
                        "Published on %s, %d days after the legal deadline %s".formatted(published, late, deadline)));
            }
        }
    }
}
