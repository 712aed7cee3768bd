package dev.gongkai.platform.error;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The problem catalogue's texts ({@code problems/messages_zh.properties}, {@code problems/messages_en.properties}),
 * resolved by Spring's {@link MessageSource}. Every answer carries both languages, so both are resolved; numbers
 * are passed as text (a year is never grouped: 2026, not 2,026), lists are joined the way each language does and a
 * {@link LocalizedText} gives each language its own text.
 */
public final class ProblemMessages {

    static final String BASENAME = "problems/messages";
    static final Locale CHINESE = Locale.forLanguageTag("zh");

    private static final MessageSource SOURCE = source();

    private ProblemMessages() {}

    static MessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    public static String chinese(String key, List<Object> arguments) {
        return SOURCE.getMessage(key, arguments(arguments, "、", LocalizedText::zh), CHINESE);
    }

    public static String english(String key, List<Object> arguments) {
        return SOURCE.getMessage(key, arguments(arguments, ", ", LocalizedText::en), Locale.ENGLISH);
    }

    private static Object[] arguments(
            List<Object> arguments, String separator, Function<LocalizedText, String> language) {
        return arguments.stream()
                .map(a -> switch (a) {
                    case null -> "";
                    case LocalizedText text -> language.apply(text);
                    case Collection<?> items ->
                        items.stream().map(String::valueOf).collect(Collectors.joining(separator));
                    default -> String.valueOf(a);
                })
                .toArray();
    }
}
