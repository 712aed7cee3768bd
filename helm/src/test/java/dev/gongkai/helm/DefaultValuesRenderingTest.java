package dev.gongkai.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gongkai.helm.Chart.Manifests;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code helm template} with the chart's own values, and assertions on the parsed manifests. */
class DefaultValuesRenderingTest {

    static final Map<String, Integer> PORTS =
            Map.of("tenants", 8081, "reports", 8082, "publishing", 8083, "tenant-admin", 8080);

    static Manifests manifests;

    @BeforeAll
    static void render() {
        manifests = Chart.render();
    }

    static String name(String component) {
        return Chart.RELEASE + "-" + component;
    }

    @Test
    void rendersOneDeploymentAndOneServiceForEachOfTheFourServices() {
        assertThat(manifests.ofKind("Deployment"))
                .extracting(d -> Y.str(d, "metadata.name"))
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet().stream()
                        .map(DefaultValuesRenderingTest::name)
                        .toList());
        PORTS.forEach((component, port) -> {
            Map<String, Object> service = manifests.get("Service", name(component));
            assertThat(Y.list(service, "spec.ports").getFirst())
                    .containsEntry("name", "http")
                    .containsEntry("port", port)
                    .containsEntry("targetPort", "http");
            assertThat(Y.map(service, "spec.selector")).containsEntry("app.kubernetes.io/component", component);
            Map<String, Object> container = Y.container(manifests.get("Deployment", name(component)));
            assertThat(Y.list(container, "ports").getFirst())
                    .containsEntry("name", "http")
                    .containsEntry("containerPort", port);
            assertThat(Y.str(container, "image")).isEqualTo("gongkai/" + component + ":0.1.0");
            assertThat(Y.list(service, "spec.ports"))
                    .as("%s's ports", component)
                    .hasSize(1);
            assertThat(Y.list(container, "ports"))
                    .as("%s's container ports", component)
                    .hasSize(1);
        });
    }

    @Test
    void theIngressControllerReachesPublishingOnItsOnePort() {
        Map<String, Object> fromIngressController = Y.list(
                        manifests.get("NetworkPolicy", name("publishing")), "spec.ingress")
                .getFirst();
        assertThat(Y.list(fromIngressController, "ports"))
                .extracting(p -> p.get("port"))
                .containsExactly("http");
    }

    @Test
    void everyDeploymentProbesTheActuatorLivenessAndReadinessGroups() {
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            Map<String, Object> container = Y.container(deployment);
            assertThat(Y.str(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat(Y.str(container, "livenessProbe.httpGet.port")).isEqualTo("http");
            assertThat(Y.str(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
            assertThat(Y.str(container, "readinessProbe.httpGet.port")).isEqualTo("http");
            assertThat(Y.str(container, "startupProbe.httpGet.path")).startsWith("/actuator/health");
        }
    }

    @Test
    void everyDeploymentRunsAsNonRootOnAReadOnlyRootWithAWritableTmp() {
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            assertHardened(deployment);
        }
    }

    static void assertHardened(Map<String, Object> workload) {
        Map<String, Object> pod = Y.map(workload, "spec.template.spec");
        assertThat(Y.at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(Y.at(pod, "securityContext.runAsUser")).isEqualTo(10001);
        assertThat(Y.str(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
        Map<String, Object> container = Y.container(workload);
        Map<String, Object> sc = Y.map(container, "securityContext");
        assertThat(sc)
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", 10001)
                .containsEntry("readOnlyRootFilesystem", true)
                .containsEntry("allowPrivilegeEscalation", false);
        assertThat(Y.values(sc, "capabilities.drop")).containsExactly("ALL");
        assertThat(Y.values(sc, "capabilities.add")).isEmpty();
        assertThat(Y.str(sc, "seccompProfile.type")).isEqualTo("RuntimeDefault");
        assertThat(Y.list(container, "volumeMounts"))
                .anySatisfy(m -> assertThat(m).containsEntry("name", "tmp").containsEntry("mountPath", "/tmp"));
        assertThat(Y.list(pod, "volumes")).anySatisfy(v -> {
            assertThat(v).containsEntry("name", "tmp");
            assertThat(v).containsKey("emptyDir");
        });
    }

    @Test
    void everyDeploymentRequestsAndLimitsCpuAndMemory() {
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            Map<String, Object> resources = Y.map(Y.container(deployment), "resources");
            assertThat(Y.map(resources, "requests")).containsKeys("cpu", "memory");
            assertThat(Y.map(resources, "limits")).containsKeys("cpu", "memory");
        }
    }

    @Test
    void everyDeploymentIsScrapedByPrometheusOnItsActuatorEndpoint() {
        PORTS.forEach((component, port) -> {
            Map<String, Object> annotations =
                    Y.map(manifests.get("Deployment", name(component)), "spec.template.metadata.annotations");
            assertThat(annotations)
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(port));
        });
    }

    @Test
    void everyServiceHasExactlyOneCpuAutoscalerAndOneDisruptionBudget() {
        for (String component : PORTS.keySet()) {
            List<Map<String, Object>> hpas = manifests.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> name(component).equals(Y.str(h, "spec.scaleTargetRef.name")))
                    .toList();
            assertThat(hpas).singleElement().satisfies(hpa -> {
                assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
                assertThat(Y.str(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
                assertThat(Y.list(hpa, "spec.metrics"))
                        .singleElement()
                        .satisfies(m -> assertThat(Y.str(m, "resource.name")).isEqualTo("cpu"));
            });
            List<Map<String, Object>> bySelector = manifests.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> component.equals(
                            Y.map(p, "spec.selector.matchLabels").get("app.kubernetes.io/component")))
                    .toList();
            assertThat(bySelector)
                    .singleElement()
                    .satisfies(p -> assertThat(p.get("apiVersion")).isEqualTo("policy/v1"));
        }
        assertThat(manifests.ofKind("HorizontalPodAutoscaler")).hasSize(4);
        assertThat(manifests.ofKind("PodDisruptionBudget")).hasSize(4);
    }

    @Test
    void autoscaledDeploymentsLeaveTheirReplicaCountToTheAutoscaler() {
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            assertThat(Y.map(deployment, "spec")).doesNotContainKey("replicas");
        }
        Manifests fixed =
                Chart.render(Map.of("services.reports.autoscaling.enabled", false, "services.reports.replicaCount", 2));
        assertThat(Y.at(fixed.get("Deployment", name("reports")), "spec.replicas"))
                .isEqualTo(2);
        assertThat(fixed.ofKind("HorizontalPodAutoscaler")).hasSize(3);
    }

    @Test
    void ingressServesTheConsoleAtItsHostAndThePortalUnderPublic() {
        Map<String, Object> ingress = manifests.get("Ingress", Chart.RELEASE);
        assertThat(manifests.ofKind("Ingress")).hasSize(1);
        Map<String, Map<String, Object>> rulesByHost =
                Y.list(ingress, "spec.rules").stream().collect(Collectors.toMap(r -> (String) r.get("host"), r -> r));
        assertThat(rulesByHost).containsOnlyKeys("console.gongkai.local", "portal.gongkai.local");
        assertThat(Y.list(rulesByHost.get("console.gongkai.local"), "http.paths"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p).containsEntry("path", "/");
                    assertThat(Y.str(p, "backend.service.name")).isEqualTo(name("tenant-admin"));
                });
        assertThat(Y.list(rulesByHost.get("portal.gongkai.local"), "http.paths"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p).containsEntry("path", "/public").containsEntry("pathType", "Prefix");
                    assertThat(Y.str(p, "backend.service.name")).isEqualTo(name("publishing"));
                });
    }

    @Test
    void networkPoliciesDenyAllIngressAndOpenOnlyTheIntendedPaths() {
        List<Map<String, Object>> policies = manifests.ofKind("NetworkPolicy");
        assertThat(policies).isNotEmpty();

        Map<String, Object> deny = manifests.get("NetworkPolicy", Chart.RELEASE + "-default-deny");
        assertThat(Y.values(deny, "spec.policyTypes")).contains("Ingress");
        assertThat(Y.map(deny, "spec")).doesNotContainKey("ingress");
        assertThat(Y.map(deny, "spec.podSelector.matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/name", "gongkai", "app.kubernetes.io/instance", Chart.RELEASE));

        for (String component : PORTS.keySet()) {
            Map<String, Object> policy = manifests.get("NetworkPolicy", name(component));
            List<Map<String, Object>> rules = Y.list(policy, "spec.ingress");
            boolean fromIngressController = rules.stream()
                    .anyMatch(r -> Y.list(r, "from").stream()
                            .anyMatch(peer -> "ingress-nginx"
                                    .equals(Y.map(peer, "namespaceSelector.matchLabels")
                                            .get("kubernetes.io/metadata.name"))));
            boolean fromConsole = rules.stream()
                    .anyMatch(r -> Y.list(r, "from").stream()
                            .anyMatch(peer -> Y.list(peer, "podSelector.matchExpressions").stream()
                                    .anyMatch(e -> Y.values(e, "values").contains("tenant-admin"))));
            boolean isPublic = component.equals("tenant-admin") || component.equals("publishing");
            assertThat(fromIngressController)
                    .as("%s reachable from the ingress controller", component)
                    .isEqualTo(isPublic);
            assertThat(fromConsole)
                    .as("%s reachable from the console", component)
                    .isEqualTo(!component.equals("tenant-admin"));
        }

        Map<String, Object> egress = manifests.get("NetworkPolicy", Chart.RELEASE + "-egress");
        List<Object> egressPorts = Y.list(egress, "spec.egress").stream()
                .flatMap(r -> Y.list(r, "ports").stream())
                .map(p -> p.get("port"))
                .toList();
        assertThat(egressPorts).contains(53, 5432, 6379, 8080, 443).doesNotContain(4318);
    }

    @Test
    void migrateAllIsAHookAndSoNotPartOfTheReleaseManifest() {
        // helm-java's template prints the release manifest only: that the Job is missing here is Helm's own verdict
        // that the template is a hook.
        assertThat(manifests.ofKind("Job")).isEmpty();
        assertThat(manifests.names()).noneMatch(n -> n.contains("migrate"));
    }

    @Test
    void migrateAllRunsBeforeEveryInstallAndUpgradeWithTheTenantsImage() {
        Manifests hooks = Chart.renderHooks(null, Map.of());
        Map<String, Object> job = hooks.get("Job", name("migrate"));
        Map<String, Object> annotations = Y.map(job, "metadata.annotations");
        assertThat(List.of(((String) annotations.get(Chart.HOOK_PREFIX)).split(",")))
                .containsExactlyInAnyOrder("pre-install", "pre-upgrade");
        assertThat(List.of(((String) annotations.get(Chart.HOOK_PREFIX + "-delete-policy")).split(",")))
                .containsExactlyInAnyOrder("before-hook-creation", "hook-succeeded");
        assertThat(Y.at(job, "spec.backoffLimit")).isInstanceOf(Integer.class);
        assertThat(Y.str(job, "spec.template.spec.restartPolicy")).isEqualTo("Never");

        Map<String, Object> container = Y.container(job);
        assertThat(Y.str(container, "image")).isEqualTo("gongkai/tenants:0.1.0");
        assertThat(Y.values(container, "args")).containsExactly("migrate-all");
        // As the owner of the schemas, with the DML role's password to make that login role.
        assertThat(Y.envNames(container))
                .contains(
                        "GONGKAI_DB_URL",
                        "GONGKAI_DB_USER",
                        "GONGKAI_DB_PASSWORD",
                        "GONGKAI_DB_APP_USER",
                        "GONGKAI_DB_APP_PASSWORD");
        assertHardened(job);

        // The release's Secret does not exist yet at pre-install: the Job reads a hook Secret made just before it.
        String secretName = Y.list(container, "env").stream()
                .filter(e -> "GONGKAI_DB_PASSWORD".equals(e.get("name")))
                .map(e -> Y.str(e, "valueFrom.secretKeyRef.name"))
                .findFirst()
                .orElseThrow();
        Map<String, Object> hookSecret = hooks.get("Secret", secretName);
        assertThat(Y.map(hookSecret, "metadata.annotations"))
                .containsEntry(Chart.HOOK_PREFIX, "pre-install,pre-upgrade");
        int secretWeight = Integer.parseInt(Y.map(hookSecret, "metadata.annotations")
                .get(Chart.HOOK_PREFIX + "-weight")
                .toString());
        int jobWeight =
                Integer.parseInt(annotations.get(Chart.HOOK_PREFIX + "-weight").toString());
        assertThat(secretWeight).isLessThan(jobWeight);
    }

    @Test
    void secretValuesAreInTheSecretAndNeverInAConfigMap() {
        Map<String, Object> set = Map.of(
                "secrets.dbPassword", "db-pw-6f1c2a",
                "secrets.dbAppPassword", "db-app-pw-2e7d",
                "secrets.provisionerSecret", "prov-9d8e7f",
                "secrets.consoleClientSecret", "console-3b4a5c");
        for (Manifests rendered : List.of(Chart.render(set), Chart.renderHooks(null, set))) {
            for (Map<String, Object> cm : rendered.ofKind("ConfigMap")) {
                assertThat(cm.toString())
                        .doesNotContain("db-pw-6f1c2a", "db-app-pw-2e7d", "prov-9d8e7f", "console-3b4a5c");
            }
            for (Map<String, Object> workload : rendered.documents()) {
                if (List.of("Deployment", "Job").contains(workload.get("kind"))) {
                    // Secrets reach the containers only through secretKeyRef, never as literal values.
                    assertThat(workload.toString())
                            .doesNotContain("db-pw-6f1c2a", "db-app-pw-2e7d", "prov-9d8e7f", "console-3b4a5c");
                }
            }
        }
        Map<String, Object> secret = Chart.render(set).get("Secret", Chart.RELEASE);
        Map<String, Object> data = Y.map(secret, "data");
        assertThat(decode(data.get("db-password"))).isEqualTo("db-pw-6f1c2a");
        assertThat(decode(data.get("db-app-password"))).isEqualTo("db-app-pw-2e7d");
        assertThat(decode(data.get("provisioner-secret"))).isEqualTo("prov-9d8e7f");
        assertThat(decode(data.get("console-client-secret"))).isEqualTo("console-3b4a5c");

        Map<String, Object> config = manifests.get("ConfigMap", Chart.RELEASE + "-config");
        assertThat(Y.map(config, "data").keySet()).noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET"));
    }

    @Test
    void eachServiceGetsOnlyTheSecretsItNeeds() {
        assertThat(Y.envNames(Y.container(manifests.get("Deployment", name("tenants")))))
                .contains("GONGKAI_DB_PASSWORD", "GONGKAI_DB_APP_PASSWORD", "GONGKAI_PROVISIONER_SECRET")
                .doesNotContain("GONGKAI_CONSOLE_CLIENT_SECRET");
        assertThat(Y.envNames(Y.container(manifests.get("Deployment", name("tenant-admin")))))
                .contains("GONGKAI_CONSOLE_CLIENT_SECRET")
                .doesNotContain("GONGKAI_PROVISIONER_SECRET", "GONGKAI_DB_PASSWORD", "GONGKAI_DB_APP_PASSWORD");
        // Reports and publishing connect as the DML-only role: the owner's password never reaches them.
        for (String component : List.of("reports", "publishing")) {
            assertThat(Y.envNames(Y.container(manifests.get("Deployment", name(component)))))
                    .contains("GONGKAI_DB_APP_PASSWORD")
                    .doesNotContain(
                            "GONGKAI_DB_PASSWORD", "GONGKAI_PROVISIONER_SECRET", "GONGKAI_CONSOLE_CLIENT_SECRET");
        }
    }

    @Test
    void theConfigMapCarriesTheExternalEndpointsAndTheInClusterServiceUrls() {
        Map<String, Object> data = Y.map(manifests.get("ConfigMap", Chart.RELEASE + "-config"), "data");
        assertThat(data)
                .containsEntry("GONGKAI_DB_URL", "jdbc:postgresql://postgresql:5432/gongkai")
                .containsEntry("GONGKAI_DB_USER", "gongkai")
                .containsEntry("GONGKAI_DB_APP_USER", "gongkai_app")
                .containsEntry("GONGKAI_REDIS_URL", "redis://redis:6379")
                .containsEntry("GONGKAI_KEYCLOAK_URL", "http://keycloak:8080")
                .containsEntry("GONGKAI_TENANTS_URL", "http://gongkai-tenants:8081")
                .containsEntry("GONGKAI_REPORTS_URL", "http://gongkai-reports:8082")
                .containsEntry("GONGKAI_PUBLISHING_URL", "http://gongkai-publishing:8083")
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1")
                .doesNotContainKey("GONGKAI_OTLP_TRACES_ENDPOINT");
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            assertThat(Y.list(Y.container(deployment), "envFrom"))
                    .singleElement()
                    .satisfies(e -> assertThat(Y.str(e, "configMapRef.name")).isEqualTo(Chart.RELEASE + "-config"));
        }
    }

    @Test
    void noSecretIsRenderedWhenAnExistingSecretIsNamed() {
        Map<String, Object> set = Map.of("secrets.existingSecret", "ops-managed");
        for (Manifests rendered : List.of(Chart.render(set), Chart.renderHooks(null, set))) {
            assertThat(rendered.ofKind("Secret")).isEmpty();
            for (Map<String, Object> workload : rendered.documents()) {
                if (List.of("Deployment", "Job").contains(workload.get("kind"))) {
                    assertThat(Y.list(Y.container(workload), "env").stream()
                                    .map(e -> Y.str(e, "valueFrom.secretKeyRef.name"))
                                    .filter(n -> n != null)
                                    .distinct()
                                    .toList())
                            .containsExactly("ops-managed");
                }
            }
        }
    }

    @Test
    void aRedisUrlWithCredentialsIsRefusedUnlessItIsKeptInTheSecret() {
        assertThatThrownBy(() -> Chart.render(Map.of("redis.url", "rediss://user:pw@redis:6380")))
                .hasMessageContaining("redis.urlInSecret");
        assertThatThrownBy(() -> Chart.render(Map.of("database.url", "jdbc:postgresql://db:5432/g?password=x")))
                .hasMessageContaining("must not carry a password");

        Manifests inSecret =
                Chart.render(Map.of("redis.urlInSecret", true, "secrets.redisUrl", "rediss://user:pw@redis:6380"));
        assertThat(Y.map(inSecret.get("ConfigMap", Chart.RELEASE + "-config"), "data"))
                .doesNotContainKey("GONGKAI_REDIS_URL");
        assertThat(decode(Y.map(inSecret.get("Secret", Chart.RELEASE), "data").get("redis-url")))
                .isEqualTo("rediss://user:pw@redis:6380");
        // The console too: its sessions and pending imports live in Redis, so that any replica serves any request.
        for (String component : List.of("reports", "tenant-admin")) {
            assertThat(Y.envNames(Y.container(inSecret.get("Deployment", name(component)))))
                    .contains("GONGKAI_REDIS_URL");
        }
    }

    @Test
    void valuesThatContradictTheSchemaAreRefused() {
        assertThatThrownBy(() -> Chart.render(Map.of("database.url", "jdbc:mysql://db:3306/gongkai")))
                .hasMessageContaining("database.url");
        assertThatThrownBy(() -> Chart.render(Map.of("services.report.port", 8082)))
                .hasMessageContaining("report");
    }

    @Test
    void everyResourceCarriesTheStandardLabels() {
        for (Map<String, Object> doc : manifests.documents()) {
            assertThat(Y.map(doc, "metadata.labels"))
                    .as("labels of %s", Y.str(doc, "metadata.name"))
                    .containsEntry("app.kubernetes.io/name", "gongkai")
                    .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry("app.kubernetes.io/part-of", "gongkai")
                    .containsKeys("app.kubernetes.io/version", "helm.sh/chart");
        }
    }

    static String decode(Object base64) {
        return new String(Base64.getDecoder().decode(base64.toString()));
    }
}
