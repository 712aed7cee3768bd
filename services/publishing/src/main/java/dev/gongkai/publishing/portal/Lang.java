package dev.gongkai.publishing.portal;

/**
 * The one language of a portal page: Chinese unless the reader chose English ({@code ?lang=en}); every page links
 * to the other language.
 */
enum Lang {
    ZH("zh-CN"), EN("en");

    final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    static Lang of(String parameter) {
        return "en".equalsIgnoreCase(parameter) ? EN : ZH;
    }

    String t(String zh, String en) {
        return this == EN ? en : zh;
    }

    /** The query that keeps this language on a link ({@code ?lang=en}, or nothing for Chinese). */
    String query() {
        return this == EN ? "?lang=en" : "";
    }

    /** A link to the same page in the other language. */
    String switchTo(String path) {
        return this == EN
                ? "<a class=\"lang\" href=\"" + Html.escape(path) + "\" lang=\"zh-CN\" hreflang=\"zh-CN\">中文</a>"
                : "<a class=\"lang\" href=\"" + Html.escape(path) + (path.contains("?") ? "&" : "?")
                        + "lang=en\" lang=\"en\" hreflang=\"en\">English</a>";
    }
}
