package dev.gongkai.contract;

/** What applying the tenant changelog did to one agency schema. */
public enum MigrationOutcome {
    UP_TO_DATE,
    MIGRATED,
    FAILED
}
