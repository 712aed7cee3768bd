package dev.gongkai.console.onboarding;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office's mapping of file names to agencies, as the reports service takes it (a JSON object file name → agency
 * slug), from the JSON itself or from a CSV of two columns, file name and agency code, as a spreadsheet saves it
 * (UTF-8, with or without a byte order mark; commas or tabs; a header line is skipped).
 */
@Component
class OnboardingMapping {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /** A mapping file that is neither: the line it fails on (0 for JSON), as a message key with that argument. */
    static final class Unreadable extends Exception {

        final int line;

        Unreadable(int line) {
            super("mapping unreadable at line " + line, null, false, false);
            this.line = line;
        }
    }

    /** File name → agency slug, in the order the office wrote them. */
    private static final TypeReference<LinkedHashMap<String, String>> MAPPING = new TypeReference<>() {};

    private final JsonMapper json;

    OnboardingMapping(JsonMapper json) {
        this.json = json;
    }

    String toJson(byte[] content) throws Unreadable {
        String text = new String(content, StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .strip();
        if (text.startsWith("{")) {
            try {
                return json.writeValueAsString(json.readValue(text, MAPPING));
            } catch (RuntimeException invalid) {
                // Reported below, as any mapping the service would refuse.
            }
            throw new Unreadable(0);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("[,\t]", -1);
            String file = fields[0].strip().replaceAll("^\"|\"$", "");
            String slug = fields.length == 2 ? fields[1].strip().replaceAll("^\"|\"$", "") : "";
            if (fields.length != 2 || file.isEmpty() || !SLUG.matcher(slug).matches()) {
                if (i == 0) {
                    continue;
                }
                throw new Unreadable(i + 1);
            }
            mapping.put(file, slug);
        }
        return json.writeValueAsString(mapping);
    }
}
