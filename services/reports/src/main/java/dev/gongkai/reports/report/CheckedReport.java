package dev.gongkai.reports.report;

import dev.gongkai.contract.FindingView;
import dev.gongkai.report.rules.Severity;
import java.util.List;

/** A report's findings with their ids and explanations, and the counts the workflow decides on. */
public record CheckedReport(List<FindingView> findings) {

    public List<FindingView> errors() {
        return findings.stream()
                .filter(f -> f.severity().equals(Severity.ERROR.code()))
                .toList();
    }

    public List<FindingView> warnings() {
        return findings.stream()
                .filter(f -> f.severity().equals(Severity.WARNING.code()))
                .toList();
    }

    /** Warnings nobody has explained yet; they block submission. */
    public List<FindingView> unexplainedWarnings() {
        return warnings().stream()
                .filter(f -> f.explanation() == null || f.explanation().isBlank())
                .toList();
    }
}
