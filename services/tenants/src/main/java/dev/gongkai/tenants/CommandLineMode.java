package dev.gongkai.tenants;

import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.tenants.demo.DemoCity;
import dev.gongkai.tenants.migration.TenantMigrations;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.Set;

/** The operator commands of {@code java -jar tenants.jar <command>}; each prints its results and returns an exit code. */
@Component
class CommandLineMode {

    private static final Set<String> COMMANDS = Set.of("migrate-all", "provision-demo");

    private final TenantMigrations migrations;
    private final DemoCity demoCity;
    private final PrintStream out = System.out;

    CommandLineMode(TenantMigrations migrations, DemoCity demoCity) {
        this.migrations = migrations;
        this.demoCity = demoCity;
    }

    static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    int run(String command) {
        return switch (command) {
            case "migrate-all" -> migrateAll();
            case "provision-demo" -> provisionDemo();
            default -> throw new IllegalArgumentException(command);
        };
    }

    private int migrateAll() {
        var summary = migrations.migrateAll(result -> out.println(line(result)));
        out.printf("migrate-all: %d schemas, %d migrated, %d up to date, %d failed%n", summary.total(),
                summary.migrated(), summary.upToDate(), summary.failed());
        return summary.failed() == 0 ? 0 : 1;
    }

    private int provisionDemo() {
        try {
            demoCity.provision(report -> out.printf("%-22s %s%s%n", report.agency(), report.outcome(),
                    report.initialAdminPassword() == null ? ""
                            : "  first admin " + report.adminUsername() + " / temporary password "
                            + report.initialAdminPassword()));
            out.println("provision-demo: done");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("provision-demo failed: " + e.getMessage());
            return 1;
        }
    }

    private static String line(MigrationResult r) {
        return String.format("%-40s %-10s %3d change sets %5d ms%s", r.schema(), r.outcome(), r.appliedChangeSets(),
                r.millis(), r.error() == null ? "" : "  " + r.error());
    }
}
