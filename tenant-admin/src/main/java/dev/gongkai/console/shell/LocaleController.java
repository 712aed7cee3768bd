package dev.gongkai.console.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch: stores the choice and goes back to the page it was chosen on. */
@Controller
class LocaleController {

    private final LocaleResolver locales;

    LocaleController(LocaleResolver locales) {
        this.locales = locales;
    }

    @GetMapping("/locale")
    String change(
            @RequestParam String lang,
            @RequestParam(defaultValue = "/") String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        locales.setLocale(request, response, locale);
        // Only paths of this site: never an open redirect.
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }
}
