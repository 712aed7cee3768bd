package dev.gongkai.platform.production;

import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service under the {@code production} profile while one of its secrets still has the demo's
 * value: the defaults in the services' application.yaml are public in this repository, so they authenticate nothing.
 * Unset secrets with no default fail on their own; this catches the ones that would silently fall back.
 */
@AutoConfiguration
public class DemoSecretsGuard {

    /** The secrets a service may read, by property name; a service checks only those it has. */
    static final List<String> SECRETS = List.of(
            "gongkai.keycloak.client-secret",
            "gongkai.backup.mac-key",
            "gongkai.audit.checkpoint-key",
            "gongkai.database.app-password",
            "spring.datasource.password",
            "spring.security.oauth2.client.registration.keycloak.client-secret");

    /** The demo's values: the realm's client secrets and every default marked demo-only. */
    static final Set<String> DEMO_VALUES = Set.of("provisioner-secret", "console-secret");

    static final String DEMO_PREFIX = "demo-only-";

    public DemoSecretsGuard(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("production"))) {
            return;
        }
        List<String> demo = SECRETS.stream()
                .filter(name -> isDemo(environment.getProperty(name)))
                .toList();
        if (!demo.isEmpty()) {
            throw new IllegalStateException("The production profile is active but " + String.join(", ", demo)
                    + " still hold the demo's public values: set them from the deployment's Secret");
        }
    }

    static boolean isDemo(String value) {
        return value != null && (DEMO_VALUES.contains(value) || value.startsWith(DEMO_PREFIX));
    }
}
