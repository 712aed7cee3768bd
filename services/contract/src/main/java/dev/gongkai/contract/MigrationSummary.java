package dev.gongkai.contract;

import java.util.List;

/**
 * What applying the tenant changelog to every agency schema did ({@code POST /api/admin/migrate-all} of the tenants
 * service; the same summary comes with its 500 when a schema failed).
 */
public record MigrationSummary(int total, int migrated, int upToDate, int failed, List<SchemaResult> results) {

    /** One agency schema: the change sets applied by this run, how long it took, and why it failed if it did. */
    public record SchemaResult(
            String agency, String schema, MigrationOutcome outcome, int appliedChangeSets, long millis, String error) {}
}
