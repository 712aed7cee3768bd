package dev.gongkai.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.helm.Chart.Manifests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code helm template -f values-production.yaml}: the production example renders what it promises. */
class ProductionValuesRenderingTest {

    static final List<String> COMPONENTS = List.of("tenants", "reports", "publishing", "tenant-admin");

    static Manifests manifests;

    @BeforeAll
    static void render() {
        manifests = Chart.render(Chart.PRODUCTION_VALUES, Map.of());
    }

    @Test
    void everyServiceRunsAtLeastThreeReplicasAndScalesToTen() {
        for (String component : COMPONENTS) {
            String name = Chart.RELEASE + "-" + component;
            Map<String, Object> deployment = manifests.get("Deployment", name);
            Map<String, Object> hpa = manifests.get("HorizontalPodAutoscaler", name);
            // Autoscaled: the autoscaler owns the replica count, from 3 up to 10.
            assertThat(Y.map(deployment, "spec")).doesNotContainKey("replicas");
            assertThat(Y.at(hpa, "spec.minReplicas")).isEqualTo(3);
            assertThat(Y.at(hpa, "spec.maxReplicas")).isEqualTo(10);
        }
        Manifests withoutAutoscaling = Chart.render(
                Chart.PRODUCTION_VALUES,
                Map.of(
                        "services.tenants.autoscaling.enabled",
                        false,
                        "services.reports.autoscaling.enabled",
                        false,
                        "services.publishing.autoscaling.enabled",
                        false,
                        "services.tenantAdmin.autoscaling.enabled",
                        false));
        assertThat(withoutAutoscaling.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(withoutAutoscaling.ofKind("Deployment"))
                .hasSize(4)
                .allSatisfy(d -> assertThat(Y.at(d, "spec.replicas")).isEqualTo(3));
    }

    @Test
    void theServicesSpeakTlsToEachOther() {
        Map<String, Object> data = Y.map(manifests.get("ConfigMap", Chart.RELEASE + "-config"), "data");
        assertThat(data.get("GONGKAI_REPORTS_URL").toString()).startsWith("https://");
        for (String component : COMPONENTS) {
            Map<String, Object> container = Y.container(manifests.get("Deployment", Chart.RELEASE + "-" + component));
            assertThat(Y.envNames(container)).as(component).contains("SERVER_SSL_BUNDLE");
        }
    }

    @Test
    void theConfigPointsAtTheCitusCoordinatorAndATlsRedisKeptInTheSecret() {
        Map<String, Object> data = Y.map(manifests.get("ConfigMap", Chart.RELEASE + "-config"), "data");
        assertThat(data.get("GONGKAI_DB_URL").toString())
                .startsWith("jdbc:postgresql://citus-coordinator.")
                .contains("sslmode=require");
        assertThat(data)
                .containsEntry("GONGKAI_KEYCLOAK_URL", "https://sso.gongkai.example.gov.cn")
                .doesNotContainKey("GONGKAI_REDIS_URL")
                .containsEntry("GONGKAI_OTLP_TRACES_ENDPOINT", "http://otel-collector.monitoring:4318/v1/traces")
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.05");
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            assertThat(Y.list(Y.container(deployment), "env")).anySatisfy(e -> {
                assertThat(e).containsEntry("name", "GONGKAI_REDIS_URL");
                assertThat(Y.str(e, "valueFrom.secretKeyRef.name")).isEqualTo("gongkai-secrets");
                assertThat(Y.str(e, "valueFrom.secretKeyRef.key")).isEqualTo("redis-url");
            });
        }
        assertThat(manifests.ofKind("Secret")).isEmpty();
    }

    @Test
    void productionResourcesAreHigherThanTheDefaults() {
        Manifests defaults = Chart.render();
        for (String component : COMPONENTS) {
            String name = Chart.RELEASE + "-" + component;
            String prodMemory = Y.str(Y.container(manifests.get("Deployment", name)), "resources.limits.memory");
            String defaultMemory = Y.str(Y.container(defaults.get("Deployment", name)), "resources.limits.memory");
            assertThat(mebibytes(prodMemory))
                    .as("memory limit of %s", component)
                    .isGreaterThan(mebibytes(defaultMemory));
        }
    }

    @Test
    void bothHostsAreServedWithTls() {
        Map<String, Object> ingress = manifests.ofKind("Ingress").getFirst();
        assertThat(Y.list(ingress, "spec.tls"))
                .extracting(t -> Y.values(t, "hosts").getFirst())
                .containsExactlyInAnyOrder("console.gongkai.example.gov.cn", "gongkai.example.gov.cn");
        assertThat(Y.list(ingress, "spec.tls"))
                .allSatisfy(t -> assertThat(Y.str(t, "secretName")).isNotBlank());
    }

    @Test
    void egressIsLimitedToTheConfiguredDatabaseRedisKeycloakAndCollector() {
        Map<String, Object> egress = manifests.get("NetworkPolicy", Chart.RELEASE + "-egress");
        List<Map<String, Object>> rules = Y.list(egress, "spec.egress");
        assertThat(rules).anySatisfy(r -> {
            assertThat(Y.list(r, "ports")).extracting(p -> p.get("port")).containsExactly(5432);
            assertThat(Y.map(Y.list(r, "to").getFirst(), "namespaceSelector.matchLabels"))
                    .containsEntry("kubernetes.io/metadata.name", "citus");
        });
        assertThat(rules)
                .anySatisfy(r -> assertThat(Y.list(r, "ports"))
                        .extracting(p -> p.get("port"))
                        .containsExactly(6380));
        assertThat(rules)
                .as("the OTLP collector, because tracing exports there")
                .anySatisfy(r -> assertThat(Y.list(r, "ports"))
                        .extracting(p -> p.get("port"))
                        .containsExactly(4318));
    }

    @Test
    void theMigrationJobReadsTheExistingSecret() {
        Manifests hooks = Chart.renderHooks(Chart.PRODUCTION_VALUES, Map.of());
        Map<String, Object> container = Y.container(hooks.get("Job", Chart.RELEASE + "-migrate"));
        assertThat(Y.str(container, "image")).isEqualTo("registry.gongkai.example.gov.cn/gongkai/tenants:0.1.0");
        assertThat(Y.list(container, "env")).anySatisfy(e -> {
            assertThat(e).containsEntry("name", "GONGKAI_DB_URL");
            assertThat(e.get("value").toString()).startsWith("jdbc:postgresql://citus-coordinator.");
        });
        assertThat(hooks.ofKind("Secret")).isEmpty();
    }

    static long mebibytes(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new IllegalArgumentException(quantity);
    }
}
