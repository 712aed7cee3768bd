package dev.gongkai.report.rules;

import java.util.List;

/**
 * One rule of the catalogue as data, for the console, the API and the CLI to list and show.
 *
 * @param reads the cells (keys, {@code *} standing for any segment) or sections the rule reads
 */
public record RuleDescription(
        RuleId id, String titleZh, String titleEn, String descriptionZh, String descriptionEn, List<String> reads) {

    public RuleDescription {
        reads = List.copyOf(reads);
    }

    public Severity severity() {
        return id.severity();
    }
}
