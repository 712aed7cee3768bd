package dev.gongkai.platform.schema;

import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.platform.agency.AgencySlug;

/** What applying the tenant changelog did to one agency schema. */
public record MigrationResult(
        AgencySlug agency, String schema, MigrationOutcome outcome, int appliedChangeSets, long millis, String error) {

    public boolean failed() {
        return outcome == MigrationOutcome.FAILED;
    }
}
