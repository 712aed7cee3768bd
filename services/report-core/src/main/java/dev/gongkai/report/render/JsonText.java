package dev.gongkai.report.render;

/**
 * Writes JSON by hand so the canonical layout (member order, spacing, indentation) is exactly the spec's and
 * never drifts with a library's pretty-printer defaults.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /** Appends {@code value} as a JSON string literal; non-ASCII text stays readable (UTF-8 output). */
    public static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are valid JSON but break JavaScript string literals when the JSON is embedded.
                    if (c < 0x20
                            || c == '\u2028'
                            || c == '\u2029'
                            || Character.isSurrogate(c) && !pairedSurrogate(value, i)) {
                        out.append("\\u")
                                .append(HEX[c >> 12 & 0xf])
                                .append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    static String string(String value) {
        return string(new StringBuilder(value.length() + 2), value).toString();
    }

    /** A lone surrogate cannot be encoded as UTF-8; it is escaped instead of turning into '?'. */
    private static boolean pairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
