package dev.gongkai.console.onboarding;

import dev.gongkai.contract.BatchSummary;
import dev.gongkai.contract.OnboardingOutcome;
import dev.gongkai.contract.OnboardingPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports service's answer on an onboarding zip as the page shows it: the batch check's totals, how many files
 * have each outcome (in the order an office reads them: imported first, what is refused last), and one row per file.
 */
record OnboardingTable(BatchSummary summary, List<Count> outcomes, List<Row> rows) {

    record Count(OnboardingOutcome outcome, long count) {}

    /**
     * @param agencyName   the agency of the city the file goes to; null when none
     * @param reportAgency the agency as the report names it; null when the file is not a report
     * @param format       {@code 2021} or {@code 2019}; null when the file is not a report
     */
    record Row(
            String file,
            OnboardingOutcome outcome,
            String agencyName,
            String reportAgency,
            Integer year,
            String format,
            long errors,
            long warnings,
            int unreadableCells,
            String messageZh,
            String messageEn) {

        public boolean isReport() {
            return format != null;
        }
    }

    /** Whether importing would store anything: else 确认导入 has nothing to do. */
    public boolean anythingToImport() {
        return outcomes.stream().anyMatch(count -> count.outcome() == OnboardingOutcome.IMPORT);
    }

    /** The outcomes in the order they are declared, which is the order an office reads them. */
    static OnboardingTable of(OnboardingPlan answer) {
        List<Count> outcomes = new ArrayList<>();
        for (OnboardingOutcome outcome : OnboardingOutcome.values()) {
            long count = answer.outcomes().getOrDefault(outcome, 0L);
            if (count > 0) {
                outcomes.add(new Count(outcome, count));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (OnboardingPlan.FileResult r : answer.results()) {
            rows.add(new Row(
                    r.file(),
                    r.outcome(),
                    r.agencyName(),
                    r.reportAgency(),
                    r.year(),
                    r.format(),
                    r.errors(),
                    r.warnings(),
                    r.unreadableCells(),
                    r.messageZh() == null ? "" : r.messageZh(),
                    r.messageEn() == null ? "" : r.messageEn()));
        }
        return new OnboardingTable(answer.summary(), outcomes, rows);
    }
}
