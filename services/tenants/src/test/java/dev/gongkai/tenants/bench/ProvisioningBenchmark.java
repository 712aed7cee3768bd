package dev.gongkai.tenants.bench;

import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.tenants.TenantsApplication;
import dev.gongkai.tenants.migration.TenantMigrations;
import dev.gongkai.tenants.provisioning.ProvisionAgency;
import dev.gongkai.tenants.provisioning.Provisioner;
import dev.gongkai.tenants.registry.CreateJurisdiction;
import dev.gongkai.tenants.registry.Jurisdictions;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.tenants.provisioning.ProvisioningListener;
import dev.gongkai.tenants.provisioning.ProvisioningStep;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.EnumMap;
import java.util.Map;

/**
 * Provisions N agency schemas (Keycloak steps excluded) and runs migrate-all over the N up-to-date schemas, on a
 * database of its own that is dropped afterwards; prints milliseconds per agency for each and the database size.
 * Not a test: run it with {@code mvn -q -pl services/tenants -Pbench test-compile exec:java [-Dbench.agencies=1000]}.
 */
public final class ProvisioningBenchmark {

    public static void main(String[] args) {
        int agencies = Integer.getInteger("bench.agencies", 1000);
        try (TestDatabase db = TestDatabase.shared()) {
            // Command-line arguments: they outrank application.yaml and GONGKAI_* variables, so the benchmark can
            // only ever touch its own database.
            StepTimes stepTimes = new StepTimes();
            var context = new SpringApplicationBuilder(TenantsApplication.class).web(WebApplicationType.NONE)
                    .initializers(c -> c.getBeanFactory().registerSingleton("benchStepTimes", stepTimes))
                    .run("--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                            "--spring.datasource.password=", "--gongkai.keycloak.enabled=false",
                            "--logging.level.root=warn");
            try (context) {
                context.getBean(Jurisdictions.class).ensure(new CreateJurisdiction("bench-city", "基准测试市", null));
                Provisioner provisioner = context.getBean(Provisioner.class);

                long start = System.nanoTime();
                for (int i = 0; i < agencies; i++) {
                    stepTimes.start();
                    provisioner.provision(new ProvisionAgency("bench-%04d".formatted(i), "基准测试机构 " + i,
                            AgencyKind.DEPARTMENT, "bench-city", null, null));
                    if ((i + 1) % 100 == 0) {
                        System.out.printf("  provisioned %d (%.1f ms/agency so far)%n", i + 1,
                                millis(start) / (i + 1));
                    }
                }
                double provisionMs = millis(start) / agencies;
                System.out.println("  mean ms per step: " + stepTimes.summary(agencies));

                start = System.nanoTime();
                var summary = context.getBean(TenantMigrations.class).migrateAll(r -> { });
                double migrateMs = millis(start) / summary.total();

                if (!context.getEnvironment().getProperty("spring.datasource.url").equals(db.jdbcUrl())) {
                    throw new IllegalStateException("benchmark is not on its own database");
                }
                Object size = db.dsl().fetchValue("select pg_size_pretty(pg_database_size(current_database()))");
                System.out.printf("""
                        provision (register + create schema + apply tenant changelog), %d agencies: %.1f ms/agency
                        migrate-all over %d up-to-date schemas (%d failed): %.1f ms/agency
                        database size (pg_database_size) after %d agency schemas: %s
                        """, agencies, provisionMs, summary.total(), summary.failed(), migrateMs, agencies, size);
            }
        }
        int organizations = Integer.getInteger("bench.organizations", 20);
        if (organizations > 0) {
            OrganizationsBenchmark.run(organizations);
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
            nanos.forEach((step, total) -> sb.append(step).append('=')
                    .append(String.format("%.1f", total / 1e6 / agencies)).append(' '));
            return sb.toString().trim();
        }
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
