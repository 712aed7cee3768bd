package dev.gongkai.publishing.compliance;

import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.report.labels.Labels;
import java.util.Locale;

/** A compliance row's states in the words the console's pages say them (the shared label bundle). */
public final class ComplianceWords {

    private ComplianceWords() {}

    /** The workflow status in words; during a correction, 「更正中（草稿）」. */
    public static String status(ComplianceRow row, Locale locale) {
        String words = Labels.status(row.status().name(), locale);
        return row.correcting() ? Labels.word("correcting", locale).formatted(words) : words;
    }

    /** The compliance state in words. */
    public static String compliance(ComplianceRow row, Locale locale) {
        return Labels.compliance(row.compliance().name(), locale);
    }
}
