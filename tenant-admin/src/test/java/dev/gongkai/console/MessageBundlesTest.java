package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.report.labels.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message a page or script of the console asks for exists in Chinese and in English: the bundles hold the same
 * keys, and every literal key of every template, every key the controllers hand to pages (notices, script texts)
 * and every label of the shared bundle resolves in both languages. Fails the build before a page can show ??key??.
 */
class MessageBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SOURCES = Path.of("src/main/java");
    /** {@code #{key}} or {@code #{key(args)}} with a literal key. */
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
    /** A key a controller hands on: notices, script texts, message lookups. */
    static final Pattern JAVA_KEY = Pattern.compile(
            "\"((?:editor|conflict|severity|cell|website|import|comment|transition|users|admin|pack|problem|review|compiled|compliance|scorecard)\\.[\\w.-]+)\"");

    @Test
    void bothLanguagesHoldTheSameKeys() throws IOException {
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        Set<String> base = load("messages.properties").stringPropertyNames();
        assertThat(difference(zh, en)).as("keys in Chinese only").isEmpty();
        assertThat(difference(en, zh)).as("keys in English only").isEmpty();
        assertThat(base).as("the default bundle is the Chinese one").isEqualTo(zh);
        for (String key : zh) {
            assertThat(load("messages_zh_CN.properties").getProperty(key))
                    .as(key)
                    .isNotBlank();
            assertThat(load("messages_en.properties").getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyATemplateOrControllerNamesExistsInBothLanguages() throws IOException {
        Set<String> wanted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                collect(TEMPLATE_KEY, Files.readString(file), wanted);
            }
        }
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                collect(JAVA_KEY, Files.readString(file), wanted);
            }
        }
        // Keys composed in templates are ComposedKeysTest's; the one composed in Java: "transition.done." + action.
        wanted.removeIf(key -> key.endsWith("."));
        Labels.ACTIONS.stream().filter(a -> !a.equals("correct")).forEach(a -> wanted.add("transition.done." + a));
        assertThat(wanted).hasSizeGreaterThan(100);
        for (String lang : List.of("zh_CN", "en")) {
            Properties console = load("messages_" + lang + ".properties");
            Set<String> labels = Labels.bundle(lang.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE)
                    .keySet();
            List<String> missing = new ArrayList<>();
            for (String key : wanted) {
                if (console.getProperty(key) == null && !labels.contains(key)) {
                    missing.add(key);
                }
            }
            assertThat(missing).as("keys missing in " + lang).isEmpty();
        }
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> only = new TreeSet<>(a);
        only.removeAll(b);
        return only;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
