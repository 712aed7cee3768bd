package dev.gongkai.platform.schema;

import dev.gongkai.platform.agency.AgencySlug;

/** What applying the tenant changelog did to one agency schema. */
public record MigrationResult(
        AgencySlug agency, String schema, Outcome outcome, int appliedChangeSets, long millis, String error) {

    public enum Outcome {
        UP_TO_DATE,
        MIGRATED,
        FAILED
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
