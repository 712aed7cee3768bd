package dev.gongkai.tenants;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tenants service. Started with a command ({@code migrate-all}, {@code provision-demo},
 * {@code export-agency <slug> <file>}, {@code restore-agency <file>}, {@code rotate-app-password}) it runs that command
 * without a web server and exits with its status; tenant migrations never run at service start-up.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TenantsApplication {

    public static void main(String[] args) {
        var command = Arrays.stream(args).filter(CommandLineMode::isCommand).findFirst();
        if (command.isEmpty()) {
            SpringApplication.run(TenantsApplication.class, args);
            return;
        }
        SpringApplication app = new SpringApplication(TenantsApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        int status;
        try (ConfigurableApplicationContext context = app.run(args)) {
            status = context.getBean(CommandLineMode.class).run(command.get(), argumentsAfter(args, command.get()));
        }
        System.exit(status);
    }

    /** The plain arguments after the command; {@code --spring.property=value} options are Spring's. */
    static List<String> argumentsAfter(String[] args, String command) {
        List<String> all = Arrays.asList(args);
        return all.subList(all.indexOf(command) + 1, all.size()).stream()
                .filter(a -> !a.startsWith("--"))
                .toList();
    }
}
