package dev.gongkai.console.shell;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/** Simplified Chinese unless the user switched to English; the choice lives in a cookie. */
@Configuration
class LocaleConfiguration {

    static final String COOKIE = "GONGKAI_LANG";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE);
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // Ignore the browser's Accept-Language: clerks' machines are set up in all sorts of ways.
        resolver.setDefaultLocaleFunction(request -> Locale.SIMPLIFIED_CHINESE);
        return resolver;
    }
}
