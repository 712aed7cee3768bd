package dev.gongkai.tenants.migration;

import dev.gongkai.contract.MigrationOutcome;
import dev.gongkai.contract.ProvisioningStep;
import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.tenants.registry.RegistryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * {@code migrate-all}: the tenant changelog applied to every agency schema, one after another, each result reported.
 * Safe to rerun (up-to-date schemas are recognised in one query). Run by an operator or a job, never at start-up.
 */
@Service
public class TenantMigrations {

    static final String SCHEMA_TIMER = "gongkai.migration.schema";

    private final RegistryStore store;
    private final SchemaMigrator migrator;
    private final MeterRegistry meters;

    TenantMigrations(RegistryStore store, SchemaMigrator migrator, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.migrator = migrator;
        this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
    }

    public record Summary(int total, int migrated, int upToDate, int failed, List<MigrationResult> results) {}

    public Summary migrateAll(Consumer<MigrationResult> progress) {
        List<MigrationResult> results = new ArrayList<>();
        // Schemas are migrated one after another, so the time between two results is the later schema's (the
        // result's own millis are too coarse for an up-to-date schema, a fraction of a millisecond).
        long[] since = {System.nanoTime()};
        migrator.migrateAgencies(store.agenciesWithSchema(ProvisioningStep.CREATE_SCHEMA.name()), result -> {
            record(result, System.nanoTime() - since[0]);
            results.add(result);
            progress.accept(result);
            since[0] = System.nanoTime();
        });
        return new Summary(
                results.size(),
                count(results, MigrationOutcome.MIGRATED),
                count(results, MigrationOutcome.UP_TO_DATE),
                count(results, MigrationOutcome.FAILED),
                List.copyOf(results));
    }

    /**
     * Per schema, by outcome only: migrate-all walks every agency, so an agency tag would make one series per
     * agency per run. Which schema failed is in the command's output and the log, not in the metric.
     */
    private void record(MigrationResult result, long nanos) {
        Timer.builder(SCHEMA_TIMER)
                .description("Duration of migrate-all for one agency schema")
                .tag("outcome", result.outcome().name())
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static int count(List<MigrationResult> results, MigrationOutcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
