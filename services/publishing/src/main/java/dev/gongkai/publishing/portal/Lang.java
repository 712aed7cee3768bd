package dev.gongkai.publishing.portal;

import java.util.Locale;

/**
 * The one language of a portal page: Chinese unless the reader chose English. A choice is a link's
 * {@code ?lang=en} (or {@code ?lang=zh} back), remembered in the cookie {@value #COOKIE}, so the pages that follow
 * stay in the chosen language; every page links to the same page in the other language.
 */
enum Lang {
    ZH("zh-CN", "zh", Locale.SIMPLIFIED_CHINESE),
    EN("en", "en", Locale.ENGLISH);

    /** The link's parameter. */
    static final String PARAMETER = "lang";
    /** The cookie that remembers the choice (the console's is another). */
    static final String COOKIE = "lang";

    private static final int A_YEAR = 365 * 24 * 3600;

    final String tag;
    final String code;
    final Locale locale;

    Lang(String tag, String code, Locale locale) {
        this.tag = tag;
        this.code = code;
        this.locale = locale;
    }

    /** A reader's language and whether this request chose it (then the answer sets the cookie). */
    record Choice(Lang lang, boolean chosen) {

        /** The {@code Set-Cookie} value that remembers the choice, or null when the request chose nothing. */
        String cookie() {
            return chosen
                    ? COOKIE + "=" + lang.code + "; Path=/; Max-Age=" + A_YEAR + "; SameSite=Lax; HttpOnly"
                    : null;
        }
    }

    /** The link's {@code lang} parameter first, then the cookie a past choice left, else Chinese. */
    static Choice choose(String parameter, String cookieHeader) {
        Lang asked = known(parameter);
        if (asked != null) {
            return new Choice(asked, true);
        }
        Lang remembered = known(cookie(cookieHeader));
        return new Choice(remembered == null ? ZH : remembered, false);
    }

    private static Lang known(String code) {
        if (code == null) {
            return null;
        }
        for (Lang lang : values()) {
            if (lang.code.equalsIgnoreCase(code) || lang.tag.equalsIgnoreCase(code)) {
                return lang;
            }
        }
        return null;
    }

    /** The value of {@code lang} in a raw query string ({@code a=1&lang=en}), or null. */
    static String parameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(PARAMETER + "=")) {
                return pair.substring(PARAMETER.length() + 1);
            }
        }
        return null;
    }

    private static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.startsWith(COOKIE + "=")) {
                return trimmed.substring(COOKIE.length() + 1);
            }
        }
        return null;
    }

    String t(String zh, String en) {
        return this == EN ? en : zh;
    }

    /** The query that keeps this language on a link ({@code ?lang=en}, or nothing for Chinese). */
    String query() {
        return this == EN ? "?lang=en" : "";
    }

    /** As {@link #query()}, after a query of its own ({@code &lang=en}). */
    String and() {
        return this == EN ? "&lang=en" : "";
    }

    /**
     * The same page in the other language ({@code path} without {@code lang}). Back to Chinese names {@code lang=zh},
     * so the choice replaces the remembered English.
     */
    String switchHref(String path) {
        return path + (path.contains("?") ? "&" : "?") + PARAMETER + "=" + (this == EN ? ZH : EN).code;
    }
}
