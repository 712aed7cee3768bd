package dev.gongkai.console.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data for a page's script, written into a {@code <script type="application/json">}: JSON with {@code <}, {@code >}
 * and {@code &} escaped, so text from users (comments, narratives) can never close the script element.
 */
@Component
public class ScriptData {

    private final JsonMapper json;
    private final MessageSource messages;

    ScriptData(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    public String write(Object value) {
        return json.writeValueAsString(value)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026");
    }

    /** Message key (its last segment) → text in the user's language. */
    public Map<String, String> messages(Locale locale, List<String> keys) {
        Map<String, String> texts = new LinkedHashMap<>();
        keys.forEach(
                key -> texts.put(key.substring(key.lastIndexOf('.') + 1), messages.getMessage(key, null, key, locale)));
        return texts;
    }
}
