package dev.gongkai.publishing.portal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The portal's pages: the Thymeleaf templates under {@code templates/portal}, rendered to bytes in the reader's
 * {@link Lang} (pages are answered with their own cache headers, and report pages are cached as bytes). Their words
 * come from the {@code portal/messages} bundle and the shared label bundle; every value is escaped by
 * {@code th:text}. Besides the page's own model, a template reads {@code tag} (its {@code lang} attribute), {@code en},
 * {@code q} and {@code and} (the query that keeps the language on a link, alone or after a query of its own),
 * {@code switchHref} (the same page in the other language) and {@code times} ({@link Html#dateTime}).
 */
final class Pages {

    private final ITemplateEngine engine;
    private final MessageSource words;

    Pages(ITemplateEngine engine, MessageSource words) {
        this.engine = engine;
        this.words = words;
    }

    /** A word of the bundle for what a page computes in Java (a chart's text alternative, a cell as shown). */
    String word(Lang lang, String key, Object... arguments) {
        return words.getMessage(key, arguments, lang.locale);
    }

    /**
     * @param template the template's name under {@code templates/portal}
     * @param path     the page's path and query without {@code lang}, for the link to it in the other language
     */
    byte[] render(String template, Lang lang, String path, Map<String, Object> model) {
        Context context = new Context(lang.locale);
        context.setVariables(model);
        context.setVariable("tag", lang.tag);
        context.setVariable("en", lang == Lang.EN);
        context.setVariable("q", lang.query());
        context.setVariable("and", lang.and());
        context.setVariable("switchHref", lang.switchHref(path));
        context.setVariable("times", Html.TIMES);
        return engine.process("portal/" + template, context).getBytes(StandardCharsets.UTF_8);
    }
}
