package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.Action;
import dev.gongkai.contract.CompiledView;
import dev.gongkai.contract.OnboardingOutcome;
import dev.gongkai.contract.ReminderView;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.Role;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.report.labels.Labels;
import dev.gongkai.report.model.ReportFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates build message keys from values ({@code #{'status.' + ${s}}}): every value that can reach such a key
 * needs its text in both languages. Each composed prefix a template uses is declared here with where its values
 * come from — the contract's enums, the label lists, and the enums of the services whose answers the console shows
 * (read from their sources, since their classes are not on the console's class path) — and a template that composes
 * a key from a prefix declared nowhere fails the build.
 */
class ComposedKeysTest {

    /** {@code #{'prefix.' + ${…}}} or {@code #messages.msgOrNull('prefix.' + …)}. */
    private static final Pattern COMPOSED = Pattern.compile("(?:#\\{|msgOrNull\\()'([\\w.-]+\\.)'\\s*\\+");

    private static final Path SERVICES = Path.of("..", "services");

    private static Map<String, Collection<String>> valuesByPrefix() throws IOException {
        List<String> statuses = new ArrayList<>(Labels.STATUSES);
        Arrays.stream(ReportStatus.values()).map(Enum::name).forEach(statuses::add);
        Arrays.stream(SubmissionRow.State.values()).map(Enum::name).forEach(statuses::add);
        List<String> events =
                new ArrayList<>(Arrays.stream(Action.values()).map(Action::code).toList());
        events.addAll(List.of("create", "import", "onboard"));
        return Map.ofEntries(
                Map.entry("status.", statuses),
                Map.entry("severity.", Labels.SEVERITIES),
                Map.entry("compliance.", Labels.COMPLIANCE),
                Map.entry("history.event.", events),
                // The reports service's audit actions (AuditTrail.append callers): report.<event>, and the rest.
                Map.entry(
                        "audit.",
                        Stream.concat(
                                        Stream.concat(events.stream(), Stream.of("edit"))
                                                .map(e -> "report." + e),
                                        Stream.of(
                                                "comment.add",
                                                "comment.reply",
                                                "comment.resolve",
                                                "finding.explain",
                                                "attachment.add",
                                                "attachment.remove"))
                                .toList()),
                Map.entry("role.", Arrays.stream(Role.values()).map(Role::code).toList()),
                Map.entry(
                        "kind.",
                        enumConstants("contract/src/main/java/dev/gongkai/contract/AgencyKind.java", "AgencyKind")),
                Map.entry(
                        "agency.",
                        enumConstants("contract/src/main/java/dev/gongkai/contract/AgencyStatus.java", "AgencyStatus")),
                Map.entry(
                        "step.",
                        enumConstants(
                                "contract/src/main/java/dev/gongkai/contract/ProvisioningStep.java",
                                "ProvisioningStep")),
                Map.entry(
                        "outcome.",
                        enumConstants(
                                "contract/src/main/java/dev/gongkai/contract/ProvisioningReport.java", "StepOutcome")),
                Map.entry(
                        "reminders.kind.",
                        Arrays.stream(ReminderView.Kind.values())
                                .map(Enum::name)
                                .toList()),
                // Strings of publishing's notification table (Reminders).
                Map.entry("webhook.", List.of("PENDING", "SENT", "FAILED", "SKIPPED")),
                // The compiled report's missing agencies and scopes, by their codes.
                Map.entry(
                        "compiled.reason.",
                        Arrays.stream(CompiledView.Missing.Reason.values())
                                .map(CompiledView.Missing.Reason::code)
                                .toList()),
                Map.entry(
                        "compiled.scope.",
                        Arrays.stream(CompiledView.Scope.values())
                                .map(CompiledView.Scope::code)
                                .toList()),
                // Keycloak's required actions a user here meets: UPDATE_PASSWORD (set by provisioning),
                // CONFIGURE_TOTP (the realm's second factor), and the built-ins an administrator may set.
                Map.entry(
                        "requiredAction.",
                        List.of("UPDATE_PASSWORD", "CONFIGURE_TOTP", "VERIFY_EMAIL", "UPDATE_PROFILE")),
                // The admin pages' own literal lists of actions (admin/parts.html, admin/users.html).
                Map.entry("admin.", List.of("suspend", "archive", "activate")),
                Map.entry("confirm.", List.of("suspend", "archive")),
                Map.entry("users.", List.of("disable", "enable")),
                // The sign-off page's buttons, one per allowed action of the report's answer.
                Map.entry(
                        "action.",
                        Arrays.stream(Action.values()).map(Action::code).toList()),
                // The onboarding table: the national form of each file, and what onboarding does with it.
                Map.entry(
                        "onboarding.format.",
                        Arrays.stream(ReportFormat.values())
                                .map(ReportFormat::code)
                                .toList()),
                Map.entry(
                        "onboarding.outcome.",
                        Arrays.stream(OnboardingOutcome.values())
                                .map(OnboardingOutcome::value)
                                .toList()));
    }

    @Test
    void everyValueAComposedKeyCanTakeHasItsTextInBothLanguages() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MessageBundlesTest.RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = COMPOSED.matcher(Files.readString(file));
                while (matcher.find()) {
                    prefixes.add(matcher.group(1));
                }
            }
        }
        Map<String, Collection<String>> values = valuesByPrefix();
        assertThat(prefixes).as("composed prefixes of the templates").hasSizeGreaterThan(10);
        assertThat(values.keySet())
                .as("declare where the values of each composed prefix come from")
                .containsAll(prefixes);

        for (String lang : List.of("zh_CN", "en")) {
            Properties console = load("messages_" + lang + ".properties");
            Set<String> labels = Labels.bundle(lang.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE)
                    .keySet();
            List<String> missing = new ArrayList<>();
            for (String prefix : prefixes) {
                assertThat(values.get(prefix)).as(prefix).isNotEmpty();
                for (String value : values.get(prefix)) {
                    String key = prefix + value;
                    if (console.getProperty(key) == null && !labels.contains(key)) {
                        missing.add(key);
                    }
                }
            }
            assertThat(missing).as("composed keys missing in " + lang).isEmpty();
        }
    }

    /** The constants of enum {@code name} in a service's source file (up to the first ';' or '}' of its body). */
    private static List<String> enumConstants(String file, String name) throws IOException {
        String source = Files.readString(SERVICES.resolve(file));
        Matcher start = Pattern.compile("enum\\s+" + name + "\\s*\\{").matcher(source);
        assertThat(start.find()).as("enum " + name + " in " + file).isTrue();
        String body = source.substring(start.end());
        int end = body.length();
        for (char stop : new char[] {';', '}'}) {
            int at = body.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        String constants =
                body.substring(0, end).replaceAll("/\\*(?s:.*?)\\*/", "").replaceAll("//.*", "");
        List<String> names = new ArrayList<>();
        Matcher constant = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\b").matcher(constants);
        while (constant.find()) {
            names.add(constant.group(1));
        }
        assertThat(names).as("constants of " + name).isNotEmpty();
        return names;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(MessageBundlesTest.RESOURCES.resolve(name))) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
