package dev.gongkai.report.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes text whose encoding nobody declared: UTF-8 (with or without BOM, a few broken bytes tolerated), UTF-16 with
 * BOM, else GB18030.
 */
final class TextDecoding {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {}

    /**
     * Whether UTF-8 decoding gave at least twenty Chinese characters (or others beyond two bytes) for every byte
     * it could not decode: GB18030 text read as UTF-8 gives almost none, since its byte pairs rarely form a valid
     * three-byte sequence.
     */
    private static boolean mostlyUtf8(String lenient) {
        int wide = 0;
        int broken = 0;
        for (int i = 0; i < lenient.length(); i++) {
            char c = lenient.charAt(i);
            if (c == '\uFFFD') {
                broken++;
            } else if (c >= '\u0800') {
                wide++;
            }
        }
        return wide >= 20 * broken;
    }

    static String decode(byte[] content) {
        return decode(content, content.length);
    }

    /** Decodes at most {@code limit} bytes (a prefix, for sniffing). */
    static String decode(byte[] content, int limit) {
        int length = Math.min(limit, content.length);
        if (length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
            return new String(content, 3, length - 3, StandardCharsets.UTF_8);
        }
        if (length >= 2 && (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE) {
            return new String(content, 2, length - 2, StandardCharsets.UTF_16LE);
        }
        if (length >= 2 && (content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF) {
            return new String(content, 2, length - 2, StandardCharsets.UTF_16BE);
        }
        // The JDK's lenient decoder is much faster than a reporting one: when it replaced nothing, the bytes were
        // valid UTF-8 (unless they spelled U+FFFD themselves; the strict decoder below settles that).
        String lenient = new String(content, 0, length, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, 0, length))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            if (length < content.length || mostlyUtf8(lenient)) {
                // A prefix may cut a UTF-8 sequence in half: sniffing tolerates that. And a UTF-8 text with a few
                // broken bytes (a page saved by a tool that cut one character) stays UTF-8: read as GB18030 it
                // would be garbled whole.
                return lenient;
            }
            return new String(content, 0, length, GB18030);
        }
    }
}
