package dev.gongkai.report.rules;

import dev.gongkai.report.model.AnnualReport;
import java.util.Optional;

/**
 * What the rules may know beyond the report itself.
 *
 * @param previous the same agency's report on the year before, for the cross-year rules
 * @param compiled true for a government's compiled report (deadline 31 March instead of 31 January)
 */
public record CheckContext(Optional<AnnualReport> previous, boolean compiled) {

    public static CheckContext none() {
        return new CheckContext(Optional.empty(), false);
    }

    public static CheckContext withPrevious(AnnualReport previous) {
        return new CheckContext(Optional.ofNullable(previous), false);
    }
}
