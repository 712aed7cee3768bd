package dev.gongkai.report.rules;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found: the rule's id and severity, the cells involved (keys; empty when the finding is about a
 * section or the whole report) and a message in Chinese and English that quotes the numbers that disagree.
 */
public record Finding(String rule, Severity severity, List<String> cells, String messageZh, String messageEn) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        cells = List.copyOf(cells);
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** A finding of a catalogue rule, with the rule's own severity. */
    public static Finding of(RuleId rule, List<String> cells, String messageZh, String messageEn) {
        return new Finding(rule.name(), rule.severity(), cells, messageZh, messageEn);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
