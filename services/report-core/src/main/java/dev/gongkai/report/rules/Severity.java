package dev.gongkai.report.rules;

import java.util.Locale;

/** How much a finding matters. Errors block submission; warnings need a written explanation. */
public enum Severity {
    ERROR,
    WARNING,
    INFO,
    /** About the law's deadlines, not the report's content. */
    COMPLIANCE;

    /** The lower-case name used in JSON ("error", "warning", …). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
