package dev.gongkai.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.helm.Chart.Manifests;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's public secrets never reach a production release: the production values take every key from the
 * deployment's own Secret and set the profile under which the services refuse demo values, and the chart itself
 * refuses to write a demo secret into a Secret it creates for a production release.
 */
class DemoSecretsRenderingTest {

    @Test
    void productionValuesTakeTheMacKeysFromTheDeploymentsSecretUnderTheProductionProfile() {
        Manifests manifests = Chart.render(Chart.PRODUCTION_VALUES, Map.of());
        assertThat(Y.map(manifests.get("ConfigMap", Chart.RELEASE + "-config"), "data"))
                .containsEntry("SPRING_PROFILES_ACTIVE", "production");
        assertThat(secretRef(manifests, "tenants", "GONGKAI_BACKUP_MAC_KEY"))
                .containsEntry("name", "gongkai-secrets")
                .containsEntry("key", "backup-mac-key");
        assertThat(secretRef(manifests, "reports", "GONGKAI_AUDIT_CHECKPOINT_KEY"))
                .containsEntry("name", "gongkai-secrets")
                .containsEntry("key", "audit-checkpoint-key");
        assertThat(Y.envNames(Y.container(manifests.get("Deployment", Chart.RELEASE + "-publishing"))))
                .doesNotContain("GONGKAI_BACKUP_MAC_KEY", "GONGKAI_AUDIT_CHECKPOINT_KEY");
    }

    @Test
    void aProductionReleaseWithADemoSecretIsNotRendered() {
        for (var demo : List.of(
                Map.<String, Object>of("secrets.provisionerSecret", "provisioner-secret"),
                Map.<String, Object>of("secrets.consoleClientSecret", "console-secret"),
                Map.<String, Object>of("secrets.backupMacKey", "demo-only-backup-mac-key"),
                Map.<String, Object>of("secrets.dbAppPassword", "demo-only-gongkai-app"))) {
            Map<String, Object> set = new java.util.HashMap<>(demo);
            set.put("extraEnv.SPRING_PROFILES_ACTIVE", "production");
            assertThatThrownBy(() -> Chart.render(set)).hasMessageContaining("demo's public value");
        }
    }

    @Test
    void theDemoReleaseStillRendersAndRealKeysGoIntoTheSecret() {
        assertThat(Chart.render(Map.of("secrets.provisionerSecret", "provisioner-secret"))
                        .ofKind("Deployment"))
                .hasSize(4);
        Manifests real = Chart.render(Map.of(
                "extraEnv.SPRING_PROFILES_ACTIVE",
                "production",
                "secrets.backupMacKey",
                "3f6c1d2e9a8b7c6d5e4f",
                "secrets.auditCheckpointKey",
                "9e8d7c6b5a4f3e2d1c0b"));
        Map<String, Object> data = Y.map(real.get("Secret", Chart.RELEASE), "data");
        assertThat(new String(
                        Base64.getDecoder().decode(data.get("backup-mac-key").toString())))
                .isEqualTo("3f6c1d2e9a8b7c6d5e4f");
        assertThat(new String(Base64.getDecoder()
                        .decode(data.get("audit-checkpoint-key").toString())))
                .isEqualTo("9e8d7c6b5a4f3e2d1c0b");
    }

    private static Map<String, Object> secretRef(Manifests manifests, String component, String env) {
        List<Map<String, Object>> entries =
                Y.list(Y.container(manifests.get("Deployment", Chart.RELEASE + "-" + component)), "env");
        Map<String, Object> entry = entries.stream()
                .filter(e -> env.equals(e.get("name")))
                .findFirst()
                .orElseThrow();
        return Y.map(entry, "valueFrom.secretKeyRef");
    }
}
