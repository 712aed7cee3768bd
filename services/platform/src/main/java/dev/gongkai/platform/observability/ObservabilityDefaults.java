package dev.gongkai.platform.observability;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The observability defaults every service gets, as the lowest-precedence property source (a service's
 * {@code application.yaml}, environment variables and command-line arguments all override them):
 * <ul>
 * <li>health with liveness and readiness groups (the Helm chart probes them) and {@code /actuator/prometheus};</li>
 * <li>metrics tagged with the application name; OpenTelemetry's OTLP metrics push off (metrics are scraped);</li>
 * <li>spans exported over OTLP only when {@code GONGKAI_OTLP_TRACES_ENDPOINT} names a collector
 *     (e.g. {@code http://otel-collector:4318/v1/traces}); trace ids are in the logs either way;</li>
 * <li>structured JSON log lines (Elastic Common Schema) on the console, carrying {@code traceId}, {@code spanId}
 *     and {@code agency}, unless the {@code dev} profile is active or {@code GONGKAI_LOG_FORMAT=text}: people read
 *     plain text at a terminal, machines read JSON everywhere else.</li>
 * </ul>
 * Runs after the config data processor, so profiles from configuration files are known.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "gongkaiObservabilityDefaults";
    static final String LOG_FORMAT = "GONGKAI_LOG_FORMAT";
    static final String OTLP_TRACES = "GONGKAI_OTLP_TRACES_ENDPOINT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.metrics.tags.application", "${spring.application.name:gongkai}");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        String otlp = environment.getProperty(OTLP_TRACES, "");
        if (!otlp.isBlank()) {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", otlp.trim());
        }
        if (structuredLogs(environment)) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }

    static boolean structuredLogs(ConfigurableEnvironment environment) {
        String format = environment.getProperty(LOG_FORMAT, "json").trim().toLowerCase(Locale.ROOT);
        if (format.equals("text")) {
            return false;
        }
        return format.equals("json") && !environment.acceptsProfiles(Profiles.of("dev"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
