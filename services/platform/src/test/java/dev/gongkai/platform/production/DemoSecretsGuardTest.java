package dev.gongkai.platform.production;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DemoSecretsGuardTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DemoSecretsGuard.class));

    @Test
    void theDemoStartsWithItsOwnSecrets() {
        context.withPropertyValues(
                        "gongkai.keycloak.client-secret=provisioner-secret",
                        "gongkai.backup.mac-key=demo-only-backup-mac-key")
                .run(started -> assertThat(started).hasNotFailed());
    }

    @Test
    void productionRefusesToStartWithADemoSecret() {
        context.withPropertyValues(
                        "spring.profiles.active=production",
                        "gongkai.keycloak.client-secret=7Jq2-real-secret-from-vault",
                        "gongkai.backup.mac-key=demo-only-backup-mac-key",
                        "gongkai.audit.checkpoint-key=demo-only-audit-checkpoint-key")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gongkai.backup.mac-key, gongkai.audit.checkpoint-key")
                        .message()
                        .doesNotContain("7Jq2"));
        context.withPropertyValues(
                        "spring.profiles.active=production", "gongkai.keycloak.client-secret=provisioner-secret")
                .run(started -> assertThat(started).hasFailed());
        // The DML-only login role's demo password, as reports and publishing read it (and tenants to make the role).
        context.withPropertyValues(
                        "spring.profiles.active=production",
                        "spring.datasource.password=demo-only-gongkai-app",
                        "gongkai.database.app-password=demo-only-gongkai-app")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gongkai.database.app-password, spring.datasource.password"));
    }

    @Test
    void productionStartsWithRealSecrets() {
        context.withPropertyValues(
                        "spring.profiles.active=production",
                        "gongkai.keycloak.client-secret=7Jq2-real-secret-from-vault",
                        "gongkai.backup.mac-key=0f9c2b7e5a6d4c3b2a1908f7e6d5c4b3")
                .run(started -> assertThat(started).hasNotFailed());
    }
}
