package dev.gongkai.report.imports;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a web page: a byte-order mark first, then the charset the page declares ({@code <meta charset>},
 * {@code <meta http-equiv content="…; charset=…">}, an XML declaration), else {@link TextDecoding}'s guess.
 *
 * <p>Chinese portals declare GB2312 for pages that use GBK characters, so every GB declaration decodes as
 * GB18030, their common superset. Declarations also go stale when a site re-encodes its pages, and the two
 * mistakes are told apart from the bytes: a page declared UTF-8 that is not valid UTF-8 is decoded as
 * undeclared, and a page declared GB* whose bytes are valid UTF-8 with non-ASCII characters in them is read as
 * UTF-8 (Chinese text in GBK is practically never valid UTF-8, while the reverse decodes silently to garbage).
 */
final class HtmlCharset {

    /** Pages with long inline scripts in their head declare their charset late: look further than 1024 bytes. */
    private static final int PRESCAN_BYTES = 16 * 1024;

    private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECLARATION = Pattern.compile("^\\s*<\\?xml\\b[^>]*>");
    private static final Pattern CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private HtmlCharset() {}

    static String decode(byte[] content) {
        if (hasByteOrderMark(content)) {
            return TextDecoding.decode(content);
        }
        Charset declared = declared(content);
        if (declared == null) {
            return TextDecoding.decode(content);
        }
        if (declared.equals(StandardCharsets.UTF_8)) {
            return isValidUtf8(content) ? new String(content, StandardCharsets.UTF_8) : TextDecoding.decode(content);
        }
        if (declared.equals(GB18030) && hasNonAscii(content) && isValidUtf8(content)) {
            return new String(content, StandardCharsets.UTF_8);
        }
        return new String(content, declared);
    }

    /** The charset the page declares, or null when it declares none that this JDK knows. */
    static Charset declared(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECLARATION.matcher(head);
        if (xml.find()) {
            Matcher encoding = ENCODING.matcher(xml.group());
            if (encoding.find()) {
                Charset charset = charset(encoding.group(1));
                if (charset != null) {
                    return charset;
                }
            }
        }
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            Matcher charset = CHARSET.matcher(meta.group());
            if (charset.find()) {
                Charset found = charset(charset.group(1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Charset charset(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("gb")
                || lower.equals("x-gbk")
                || lower.equals("cp936")
                || lower.equals("ms936")
                || lower.equals("windows-936")
                || lower.equals("euc-cn")) {
            return GB18030;
        }
        if (lower.equals("utf8") || lower.equals("unicode")) {
            return StandardCharsets.UTF_8;
        }
        try {
            Charset charset = Charset.forName(name);
            // A page's bytes are ASCII-compatible (the declaration itself was read as ASCII): a UTF-16 or UTF-32
            // declaration without a byte-order mark is a mistake.
            return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32") ? null : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return null;
        }
    }

    private static boolean hasByteOrderMark(byte[] content) {
        return content.length >= 3
                        && (content[0] & 0xff) == 0xEF
                        && (content[1] & 0xff) == 0xBB
                        && (content[2] & 0xff) == 0xBF
                || content.length >= 2
                        && ((content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE
                                || (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF);
    }

    private static boolean hasNonAscii(byte[] content) {
        for (byte b : content) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** A scan, not a decode: a 64 MB page is not copied to be checked. Overlong forms are not looked for. */
    private static boolean isValidUtf8(byte[] content) {
        int i = 0;
        while (i < content.length) {
            int lead = content[i] & 0xff;
            int continuation;
            if (lead < 0x80) {
                i++;
                continue;
            } else if (lead >= 0xC2 && lead <= 0xDF) {
                continuation = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuation = 2;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuation = 3;
            } else {
                return false;
            }
            if (i + continuation >= content.length) {
                return false;
            }
            for (int k = 1; k <= continuation; k++) {
                if ((content[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuation + 1;
        }
        return true;
    }
}
