package dev.gongkai.publishing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gongkai.contract.CompiledView;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word of the portal is in both languages: the same keys in {@code portal/messages} (Chinese) and English. */
class PortalMessagesTest {

    @Test
    void everyKeyIsInBothBundles() throws IOException {
        Properties chinese = bundle("portal/messages.properties");
        Properties english = bundle("portal/messages_en.properties");
        assertThat(chinese).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
    }

    /** {@code #{'prefix.' + ${…}}}: a message key a portal template builds from a value. */
    private static final Pattern COMPOSED = Pattern.compile("#\\{'([A-Za-z0-9_.-]+)'\\s*\\+");

    /** Every prefix a portal template composes a key from, with every value that can follow it. */
    private static final Map<String, List<String>> COMPOSED_VALUES = Map.of(
            "compiled.scope.",
            Arrays.stream(CompiledView.Scope.values())
                    .map(CompiledView.Scope::code)
                    .toList());

    @Test
    void everyComposedKeyHasItsWordsInBothBundlesForEveryValue() throws IOException {
        Properties chinese = bundle("portal/messages.properties");
        Properties english = bundle("portal/messages_en.properties");
        TreeSet<String> prefixes = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/portal"))) {
            for (Path template : templates.toList()) {
                Matcher composed = COMPOSED.matcher(Files.readString(template));
                while (composed.find()) {
                    prefixes.add(composed.group(1));
                }
            }
        }
        assertThat(prefixes).as("prefixes the templates compose keys from").isNotEmpty();
        assertThat(COMPOSED_VALUES.keySet())
                .as("each composed prefix is declared here with its values")
                .containsAll(prefixes);
        for (String prefix : prefixes) {
            for (String value : COMPOSED_VALUES.get(prefix)) {
                assertThat(chinese).as("Chinese").containsKey(prefix + value);
                assertThat(english).as("English").containsKey(prefix + value);
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PortalMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
