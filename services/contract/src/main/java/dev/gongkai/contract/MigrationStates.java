package dev.gongkai.contract;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The migration state of every agency schema ({@code GET /api/admin/migrations} of the tenants service), read from
 * the schemas' history tables.
 *
 * @param changeSets how many change sets the service's tenant changelog has
 * @param upToDate   how many agencies have applied exactly those
 */
public record MigrationStates(int changeSets, int agencies, int upToDate, List<SchemaState> states) {

    /**
     * One agency schema.
     *
     * @param applied       rows in its {@code databasechangelog}
     * @param pending       change sets of the changelog it has not applied (or applied with another checksum)
     * @param unknown       applied change sets this changelog does not have (a newer build's, or tampering)
     * @param lastChangeSet the id of the change set applied last, null when none
     */
    public record SchemaState(
            String agency,
            String schema,
            int applied,
            int pending,
            int unknown,
            String lastChangeSet,
            LocalDateTime lastAppliedAt,
            boolean upToDate) {}
}
