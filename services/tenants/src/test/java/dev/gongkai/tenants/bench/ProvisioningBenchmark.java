package dev.gongkai.tenants.bench;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.ProvisioningStep;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.tenants.TenantsApplication;
import dev.gongkai.tenants.migration.TenantMigrations;
import dev.gongkai.tenants.provisioning.ProvisionAgency;
import dev.gongkai.tenants.provisioning.Provisioner;
import dev.gongkai.tenants.provisioning.ProvisioningListener;
import dev.gongkai.tenants.registry.CreateJurisdiction;
import dev.gongkai.tenants.registry.Jurisdictions;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Provisions N agency schemas (Keycloak steps excluded) and runs migrate-all over the N up-to-date schemas, on a
 * database of its own that is dropped afterwards; prints milliseconds per agency for each and the database size.
 * With {@code -Dbench.citusPort=9700} (a cluster of {@code infra/citus/citus start}) the same runs a second time on
 * the Citus cluster, agency schemas as distributed schemas over its two workers, and prints Citus / PostgreSQL.
 * Not a test: run it with {@code mvn -q -pl services/tenants -am -Pbench test-compile exec:java
 * [-Dbench.agencies=1000] [-Dbench.citusPort=9700]}.
 */
public final class ProvisioningBenchmark {

    /** What one run measured. */
    record Figures(double provisionMs, double migrateMs, long bytes) {}

    public static void main(String[] args) {
        int agencies = Integer.getInteger("bench.agencies", 1000);
        Integer citusPort = Integer.getInteger("bench.citusPort");
        System.out.println("PostgreSQL:");
        Figures plain;
        try (TestDatabase db = TestDatabase.onPlainPostgres()) {
            plain = measure(db, agencies);
        }
        if (citusPort != null) {
            System.out.println("Citus (coordinator :" + citusPort + ", two workers):");
            Figures citus;
            try (TestDatabase db = TestDatabase.onCitusCluster(citusPort)) {
                citus = measure(db, agencies);
            }
            System.out.printf(
                    """
                    Citus / PostgreSQL, %d agencies, same run:
                      provision     %.1f / %.1f ms per agency = %.2f
                      migrate-all   %.2f / %.2f ms per schema = %.2f
                      size          %d / %d MB (all nodes) = %.2f
                    """,
                    agencies,
                    citus.provisionMs(),
                    plain.provisionMs(),
                    citus.provisionMs() / plain.provisionMs(),
                    citus.migrateMs(),
                    plain.migrateMs(),
                    citus.migrateMs() / plain.migrateMs(),
                    citus.bytes() >> 20,
                    plain.bytes() >> 20,
                    (double) citus.bytes() / plain.bytes());
        }
        int organizations = Integer.getInteger("bench.organizations", 20);
        if (organizations > 0) {
            OrganizationsBenchmark.run(organizations);
        }
    }

    private static Figures measure(TestDatabase db, int agencies) {
        // Command-line arguments: they outrank application.yaml and GONGKAI_* variables, so the benchmark can
        // only ever touch its own database.
        StepTimes stepTimes = new StepTimes();
        var context = new SpringApplicationBuilder(TenantsApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchStepTimes", stepTimes))
                .run(
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=",
                        "--gongkai.keycloak.enabled=false",
                        "--logging.level.root=warn");
        try (context) {
            context.getBean(Jurisdictions.class).ensure(new CreateJurisdiction("bench-city", "基准测试市", null));
            Provisioner provisioner = context.getBean(Provisioner.class);

            long start = System.nanoTime();
            for (int i = 0; i < agencies; i++) {
                stepTimes.start();
                provisioner.provision(new ProvisionAgency(
                        "bench-%04d".formatted(i), "基准测试机构 " + i, AgencyKind.DEPARTMENT, "bench-city", null, null));
                if ((i + 1) % 100 == 0) {
                    System.out.printf("  provisioned %d (%.1f ms/agency so far)%n", i + 1, millis(start) / (i + 1));
                }
            }
            double provisionMs = millis(start) / agencies;
            System.out.println("  mean ms per step: " + stepTimes.summary(agencies));

            start = System.nanoTime();
            var summary = context.getBean(TenantMigrations.class).migrateAll(r -> {});
            double migrateMs = millis(start) / summary.total();

            if (!context.getEnvironment().getProperty("spring.datasource.url").equals(db.jdbcUrl())) {
                throw new IllegalStateException("benchmark is not on its own database");
            }
            long bytes = db.onCitus()
                    ? db.dsl()
                            .fetchSingle("select pg_database_size(current_database()) + (select sum(result::bigint)"
                                    + " from run_command_on_workers('select pg_database_size(current_database())'))")
                            .get(0, Long.class)
                    : db.dsl()
                            .fetchSingle("select pg_database_size(current_database())")
                            .get(0, Long.class);
            System.out.printf(
                    """
                      provision (register + create schema + apply tenant changelog), %d agencies: %.1f ms/agency
                      migrate-all over %d up-to-date schemas (%d failed): %.2f ms/agency
                      database size after %d agency schemas: %d MB%s
                    """,
                    agencies,
                    provisionMs,
                    summary.total(),
                    summary.failed(),
                    migrateMs,
                    agencies,
                    bytes >> 20,
                    db.onCitus() ? " (coordinator and workers)" : "");
            return new Figures(provisionMs, migrateMs, bytes);
        }
    }

    /** Where provisioning time goes: the time from the previous step's end to each step's end. */
    static final class StepTimes implements ProvisioningListener {
        private final Map<ProvisioningStep, Long> nanos = new EnumMap<>(ProvisioningStep.class);
        private long last;

        void start() {
            last = System.nanoTime();
        }

        @Override
        public void stepCompleted(AgencySlug agency, ProvisioningStep step) {
            long now = System.nanoTime();
            nanos.merge(step, now - last, Long::sum);
            last = now;
        }

        String summary(int agencies) {
            StringBuilder sb = new StringBuilder();
            nanos.forEach((step, total) -> sb.append(step)
                    .append('=')
                    .append(String.format("%.1f", total / 1e6 / agencies))
                    .append(' '));
            return sb.toString().trim();
        }
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
