package dev.gongkai.tenants;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.DomainException;
import dev.gongkai.platform.schema.MigrationResult;
import dev.gongkai.platform.schema.SchemaMigrator;
import dev.gongkai.tenants.backup.AgencyBackups;
import dev.gongkai.tenants.demo.DemoCity;
import dev.gongkai.tenants.migration.TenantMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The operator commands of {@code java -jar tenants.jar <command>}; each prints its results and returns an exit code. */
@Component
class CommandLineMode {

    private static final Set<String> COMMANDS =
            Set.of("migrate-all", "provision-demo", "export-agency", "restore-agency", "rotate-app-password");

    private final TenantMigrations migrations;
    private final DemoCity demoCity;
    private final AgencyBackups backups;
    private final SchemaMigrator migrator;
    private final Environment env;

    CommandLineMode(
            TenantMigrations migrations,
            DemoCity demoCity,
            AgencyBackups backups,
            SchemaMigrator migrator,
            Environment env) {
        this.migrations = migrations;
        this.demoCity = demoCity;
        this.backups = backups;
        this.migrator = migrator;
        this.env = env;
    }

    static boolean isCommand(String arg) {
        return COMMANDS.contains(arg);
    }

    int run(String command) {
        return run(command, List.of());
    }

    /** @param arguments what followed the command on the command line (options and Spring properties excluded) */
    int run(String command, List<String> arguments) {
        return switch (command) {
            case "migrate-all" -> migrateAll();
            case "provision-demo" -> provisionDemo();
            case "export-agency" ->
                arguments.size() == 2
                        ? exportAgency(arguments.get(0), Path.of(arguments.get(1)))
                        : usage("export-agency <slug> <file.zip>");
            case "restore-agency" ->
                arguments.size() == 1 ? restoreAgency(Path.of(arguments.get(0))) : usage("restore-agency <file.zip>");
            case "rotate-app-password" -> rotateAppPassword();
            default -> throw new IllegalArgumentException(command);
        };
    }

    private int exportAgency(String slug, Path file) {
        try {
            var manifest = backups.export(AgencySlug.of(slug), file);
            manifest.tables()
                    .forEach(t -> System.out.printf(
                            "%s.%-26s %6d rows  sha256 %s%n", manifest.schema(), t.table(), t.rows(), t.sha256()));
            manifest.registry()
                    .forEach(t ->
                            System.out.printf("core.%-26s %6d rows  sha256 %s%n", t.table(), t.rows(), t.sha256()));
            System.out.printf("export-agency: %s written to %s (%d bytes)%n", slug, file, Files.size(file));
            return 0;
        } catch (ApiException e) {
            return refused("export-agency", e);
        } catch (DomainException e) {
            return refused("export-agency", e.toApiException());
        } catch (Exception e) {
            System.err.println("export-agency failed: " + e.getMessage());
            return 1;
        }
    }

    private int restoreAgency(Path file) {
        try {
            backups.restore(file, System.out::println);
            return 0;
        } catch (ApiException e) {
            return refused("restore-agency", e);
        } catch (Exception e) {
            System.err.println("restore-agency failed, nothing was changed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Gives the login role of reports and publishing ({@code gongkai.database.app-user}) the password in
     * {@code gongkai.database.app-password} (GONGKAI_DB_APP_PASSWORD, the Secret's {@code db-app-password}), hashed
     * here; their open connections stay open, and they connect with the new one when restarted (helm/README.md).
     */
    private int rotateAppPassword() {
        String login = env.getProperty("gongkai.database.app-user", "");
        String password = env.getProperty("gongkai.database.app-password", "");
        if (login.isBlank() || password.isBlank()) {
            System.err.println("rotate-app-password: GONGKAI_DB_APP_USER and GONGKAI_DB_APP_PASSWORD (the new"
                    + " password) must both be set");
            return 2;
        }
        try {
            migrator.changeApplicationPassword(login, password);
        } catch (RuntimeException e) {
            System.err.println("rotate-app-password failed, the password is unchanged: " + e.getMessage());
            return 1;
        }
        System.out.printf(
                "rotate-app-password: database role %s has the new password; restart reports and publishing%n", login);
        return 0;
    }

    private static int refused(String command, ApiException e) {
        System.err.println(command + ": " + e.messageZh());
        System.err.println(command + ": " + e.messageEn());
        return 1;
    }

    private static int usage(String usage) {
        System.err.println("usage: java -jar tenants.jar " + usage);
        return 2;
    }

    private int migrateAll() {
        var summary = migrations.migrateAll(result -> System.out.println(line(result)));
        System.out.printf(
                "migrate-all: %d schemas, %d migrated, %d up to date, %d failed%n",
                summary.total(), summary.migrated(), summary.upToDate(), summary.failed());
        return summary.failed() == 0 ? 0 : 1;
    }

    private int provisionDemo() {
        try {
            demoCity.provision(report -> System.out.printf(
                    "%-22s %s%s%n",
                    report.agency(),
                    report.outcome(),
                    report.initialAdminPassword() == null
                            ? ""
                            : "  first admin " + report.adminUsername() + " / temporary password "
                                    + report.initialAdminPassword()));
            System.out.println("provision-demo: done");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("provision-demo failed: " + e.getMessage());
            return 1;
        }
    }

    private static String line(MigrationResult r) {
        return String.format(
                "%-40s %-10s %3d change sets %5d ms%s",
                r.schema(), r.outcome(), r.appliedChangeSets(), r.millis(), r.error() == null ? "" : "  " + r.error());
    }
}
