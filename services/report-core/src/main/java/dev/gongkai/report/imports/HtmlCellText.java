package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * How markup text becomes the text of a line or a cell, shared by the HTML and the Word extractors so that both
 * give the assembler the same strings for the same report.
 *
 * <p>Whitespace runs (including {@code &nbsp;}) collapse to one space, zero-width characters vanish, and a text
 * that is only whitespace is blank {@code ""}. Full-width characters, including the ideographic space inside a
 * text, are kept: the assembler normalises them. A break inside a cell ({@code <br>}, a second paragraph) is
 * recorded as {@link #BREAK} and resolved when the cell is finished: a cell label that a page wraps over two
 * lines ("结果<br>维持") reads as one label, so a break joins with nothing when either side is a CJK or
 * full-width character, and with one space between two Latin letters or digits ("12<br>34" stays two numbers
 * rather than becoming 1234).
 */
final class HtmlCellText {

    /** A line break kept inside a text until it is joined or split. Never survives into a cell. */
    static final char BREAK = '\n';

    private HtmlCellText() {}

    /** Appends markup text with its whitespace collapsed. */
    static void appendText(StringBuilder target, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isZeroWidth(c)) {
                continue;
            }
            if (isCollapsibleSpace(c)) {
                if (target.isEmpty()) {
                    continue;
                }
                char last = target.charAt(target.length() - 1);
                if (last == ' ' || last == BREAK) {
                    continue;
                }
                target.append(' ');
            } else {
                target.append(c);
            }
        }
    }

    static void appendBreak(StringBuilder target) {
        int end = target.length();
        while (end > 0 && target.charAt(end - 1) == ' ') {
            end--;
        }
        target.setLength(end);
        if (end > 0 && target.charAt(end - 1) != BREAK) {
            target.append(BREAK);
        }
    }

    /** The text as one cell: breaks joined (see the class comment), trimmed; blank when only whitespace. */
    static String joined(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != BREAK) {
                out.append(c);
                continue;
            }
            while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
                out.setLength(out.length() - 1);
            }
            int next = i + 1;
            while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == BREAK)) {
                next++;
            }
            if (!out.isEmpty()
                    && next < text.length()
                    && !isWide(out.charAt(out.length() - 1))
                    && !isWide(text.charAt(next))) {
                out.append(' ');
            }
            i = next - 1;
        }
        return out.toString().strip();
    }

    /** The text as separate lines, one per break, blank lines dropped. */
    static List<String> split(CharSequence text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == BREAK) {
                String line = text.subSequence(start, i).toString().strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                start = i + 1;
            }
        }
        return lines;
    }

    static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != BREAK) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCollapsibleSpace(char c) {
        // U+3000 (the ideographic space) is not collapsed: it is a full-width character the assembler normalises;
        // String.strip() still removes it at the ends of a cell.
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\r'
                || c == '\f'
                || c == '\u000B'
                || c == '\u00A0'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u202F'
                || c == '\u205F';
    }

    private static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD';
    }

    /** CJK ideographs, kana, CJK and full-width punctuation: scripts written without spaces between words. */
    private static boolean isWide(char c) {
        return c >= '\u2E80' || Character.isSurrogate(c);
    }
}
