package dev.gongkai.tenants.migration;

import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.tenants.provisioning.ProvisioningStep;
import dev.gongkai.tenants.registry.RegistryStore;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code migrate-all}: the tenant changelog applied to every agency schema, one after another, each result reported.
 * Safe to rerun (up-to-date schemas are recognised in one query). Run by an operator or a job, never at start-up.
 */
@Service
public class TenantMigrations {

    private final RegistryStore store;
    private final SchemaMigrator migrator;

    TenantMigrations(RegistryStore store, SchemaMigrator migrator) {
        this.store = store;
        this.migrator = migrator;
    }

    public record Summary(int total, int migrated, int upToDate, int failed, List<MigrationResult> results) {
    }

    public Summary migrateAll(Consumer<MigrationResult> progress) {
        List<MigrationResult> results = new ArrayList<>();
        migrator.migrateAgencies(store.agenciesWithSchema(ProvisioningStep.CREATE_SCHEMA.name()), result -> {
            results.add(result);
            progress.accept(result);
        });
        return new Summary(results.size(), count(results, MigrationResult.Outcome.MIGRATED),
                count(results, MigrationResult.Outcome.UP_TO_DATE), count(results, MigrationResult.Outcome.FAILED),
                List.copyOf(results));
    }

    private static int count(List<MigrationResult> results, MigrationResult.Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
