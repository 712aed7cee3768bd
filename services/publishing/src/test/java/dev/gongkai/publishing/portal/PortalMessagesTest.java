package dev.gongkai.publishing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PortalMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
