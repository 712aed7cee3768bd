package dev.gongkai.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.helm.Chart.Manifests;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code internalTls}: every service serves HTTPS with the mounted cert-manager Secret and calls the others over
 * HTTPS, with the properties {@code InternalTlsTest} (services/tenants) runs a real service with.
 */
class InternalTlsRenderingTest {

    static final List<String> COMPONENTS = List.of("tenants", "reports", "publishing", "tenant-admin");

    @Test
    void everyServiceServesAndCallsHttpsWithTheMountedSecret() {
        Manifests manifests =
                Chart.render(Map.of("internalTls.enabled", true, "internalTls.secretName", "gongkai-internal-tls"));
        for (String component : COMPONENTS) {
            Map<String, Object> deployment = manifests.get("Deployment", Chart.RELEASE + "-" + component);
            Map<String, Object> container = Y.container(deployment);
            Map<String, String> env = env(container);
            assertThat(env)
                    .as(component)
                    .containsEntry("SERVER_SSL_BUNDLE", "internal")
                    .containsEntry(
                            "SPRING_SSL_BUNDLE_PEM_INTERNAL_KEYSTORE_CERTIFICATE", "file:/etc/gongkai/tls/tls.crt")
                    .containsEntry(
                            "SPRING_SSL_BUNDLE_PEM_INTERNAL_KEYSTORE_PRIVATEKEY", "file:/etc/gongkai/tls/tls.key")
                    .containsEntry(
                            "SPRING_SSL_BUNDLE_PEM_INTERNAL_TRUSTSTORE_CERTIFICATE", "file:/etc/gongkai/tls/ca.crt")
                    .containsEntry("SPRING_SSL_BUNDLE_PEM_INTERNAL_RELOADONUPDATE", "true")
                    .containsEntry("SPRING_HTTP_CLIENTS_SSL_BUNDLE", "internal");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Y.str(container, probe + ".httpGet.scheme"))
                        .as(component + " " + probe)
                        .isEqualTo("HTTPS");
            }
            assertThat(Y.list(container, "volumeMounts"))
                    .anySatisfy(m -> assertThat(m).containsEntry("mountPath", "/etc/gongkai/tls"));
            assertThat(Y.list(deployment, "spec.template.spec.volumes"))
                    .anySatisfy(v -> assertThat(Y.str(v, "secret.secretName")).isEqualTo("gongkai-internal-tls"));
            assertThat(Y.map(deployment, "spec.template.metadata.annotations"))
                    .containsEntry("prometheus.io/scheme", "https");
        }
        Map<String, Object> config = Y.map(manifests.get("ConfigMap", Chart.RELEASE + "-config"), "data");
        for (String url : List.of("GONGKAI_TENANTS_URL", "GONGKAI_REPORTS_URL", "GONGKAI_PUBLISHING_URL")) {
            assertThat(config.get(url).toString()).as(url).startsWith("https://");
        }
        assertThat(Y.map(manifests.get("Ingress", Chart.RELEASE), "metadata.annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/backend-protocol", "HTTPS");
        // The migration Job serves nothing and mounts nothing.
        Manifests hooks = Chart.renderHooks(
                null, Map.of("internalTls.enabled", true, "internalTls.secretName", "gongkai-internal-tls"));
        assertThat(hooks.ofKind("Job"))
                .isNotEmpty()
                .allSatisfy(job -> assertThat(env(Y.container(job))).doesNotContainKey("SERVER_SSL_BUNDLE"));
    }

    @Test
    void offByDefaultAndRefusedWithoutItsSecret() {
        Manifests plain = Chart.render();
        Map<String, Object> container = Y.container(plain.get("Deployment", Chart.RELEASE + "-reports"));
        assertThat(env(container)).doesNotContainKey("SERVER_SSL_BUNDLE");
        assertThat(Y.str(container, "readinessProbe.httpGet.scheme")).isEqualTo("HTTP");
        assertThat(Y.map(plain.get("ConfigMap", Chart.RELEASE + "-config"), "data")
                        .get("GONGKAI_REPORTS_URL"))
                .asString()
                .startsWith("http://");
        assertThatThrownBy(() -> Chart.render(Map.of("internalTls.enabled", true)))
                .hasMessageContaining("internalTls.secretName is required");
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> e : Y.list(container, "env")) {
            if (e.get("value") != null) {
                env.put((String) e.get("name"), e.get("value").toString());
            }
        }
        return env;
    }
}
