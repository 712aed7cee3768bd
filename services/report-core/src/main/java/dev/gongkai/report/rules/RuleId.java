package dev.gongkai.report.rules;

/**
 * The stable ids of every rule of the spec, with their severities. Ids never change: the API, the console, the
 * CLI and stored explanations name findings by them.
 */
public enum RuleId {
    S3_BALANCE(Severity.ERROR),
    S3_HANDLED_SUM(Severity.ERROR),
    S3_ROW_TOTAL(Severity.ERROR),
    S4_TOTAL(Severity.ERROR),
    CELL_MISSING(Severity.ERROR),
    CELL_RANGE(Severity.ERROR),
    NARRATIVE_MISSING(Severity.ERROR),
    STRUCTURE(Severity.ERROR),
    CARRY_OVER_MATCH(Severity.WARNING),
    IN_FORCE_CHAIN(Severity.WARNING),
    NARRATIVE_YEAR(Severity.WARNING),
    NARRATIVE_NUMBER(Severity.WARNING),
    PROBLEMS_COPIED(Severity.WARNING),
    YOY_ANOMALY(Severity.INFO),
    PUBLISHED_LATE(Severity.COMPLIANCE);

    private final Severity severity;

    RuleId(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
