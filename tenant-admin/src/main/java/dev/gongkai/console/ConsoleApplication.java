package dev.gongkai.console;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The web console: server-rendered pages that call the services with the signed-in user's token. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

    /** The services' variable for span export (see docs/observability.md); unset, spans are not exported. */
    static final String OTLP_TRACES = "GONGKAI_OTLP_TRACES_ENDPOINT";

    public static void main(String[] args) {
        SpringApplication console = new SpringApplication(ConsoleApplication.class);
        String otlp = System.getenv(OTLP_TRACES);
        if (otlp != null && !otlp.isBlank()) {
            // Boot exports as soon as the property exists, even empty: it is set only when there is an endpoint.
            console.setDefaultProperties(Map.of("management.opentelemetry.tracing.export.otlp.endpoint", otlp.trim()));
        }
        console.run(args);
    }
}
