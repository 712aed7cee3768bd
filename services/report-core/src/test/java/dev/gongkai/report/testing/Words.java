package dev.gongkai.report.testing;

import dev.gongkai.report.labels.Labels;
import dev.gongkai.report.rules.RuleId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * People read words, never codes: the one check of that for every test that reads what a person reads — the
 * console's and the portal's pages (the browser suite) and the files the system hands out (CSV and PDF). A text
 * fails on an untranslated message key, a grouped year, an ISO timestamp, a cell key, a rule id, a status or
 * compliance enum, an action verb or a problem code; a file also on a time with seconds or a UTC offset (files show
 * China's time as {@code 2026-12-06 15:33}) and on a CSV header that is not words.
 */
public final class Words {

    /** China's time zone: every time a person reads is in it. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

    /** The machine's names a person must never read, on a page or in a file. */
    public static final List<Pattern> CODES = List.of(
            Pattern.compile("\\?\\?[\\w.-]+\\?\\?"), // untranslated message key
            Pattern.compile("(?<![\\d,.])(1,9|2,0)\\d{2}(?![\\d,])"), // a year with a group separator
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}"), // ISO timestamp
            Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d+"), // fractional seconds
            Pattern.compile("(?<![\\w/.])s(?:[1-6]|2v2019)\\.[a-z][A-Za-z]*(?:\\.[A-Za-z]+)*"), // cell key
            Pattern.compile("\\b(?:"
                    + String.join(
                            "|", Arrays.stream(RuleId.values()).map(Enum::name).toList()) + ")\\b"), // rule id
            Pattern.compile("\\b(?:"
                    + String.join(
                            "|",
                            Stream.concat(
                                            Labels.STATUSES.stream().filter(s -> !s.equals("NONE")),
                                            Labels.COMPLIANCE.stream())
                                    .toList())
                    + ")\\b"), // status or compliance enum
            Pattern.compile("[\"“「](?:" + String.join("|", Labels.ACTIONS) + ")[\"”」]"), // action verb
            Pattern.compile("\\b[1-5]\\d{2} · [a-z]"), // "404 · report.not-found"
            Pattern.compile("\\b[a-z]+(?:\\.[a-z]+)*\\.[a-z]+-[a-z-]+\\b")); // problem code

    /**
     * The demo realm's usernames: people are named by their full names (李伟（乌海市公安局）), except where a username
     * is what the text is about (an agency's users).
     */
    public static final Pattern USERNAME =
            Pattern.compile("(?<![\\w.@/-])(?:psb-editor|psb-approver|psb-admin|hbw-editor)(?![\\w.@-])");

    /** "office" and "admin" as usernames: only on a Chinese text, where no word of its own is spelled so. */
    public static final Pattern USERNAME_ZH = Pattern.compile("(?<![\\w.@/-])(?:office|admin)(?![\\w.@-])");

    /** What a file shows of a time besides {@link #CODES}: seconds, a UTC offset or zone letter. */
    private static final List<Pattern> FILE_TIMES = List.of(
            Pattern.compile("\\b\\d{2}:\\d{2}:\\d{2}\\b"), // a time with seconds
            Pattern.compile("\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})\\b"), // a UTC offset
            Pattern.compile("\\bUTC\\b|\\bGMT\\b|\\bCST\\b")); // a zone's name

    /** A header that is an identifier rather than words: {@code publishedAt}, {@code daysLate}, {@code agency_slug}. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z]+[A-Z]\\w*|\\w+[_.]\\w+|[a-z]+");

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private Words() {}

    /** An instant as a person reads it: China's time to the minute, {@code 2026-12-07 07:30}. */
    public static String chinaTime(Instant at) {
        return TIME.format(at);
    }

    /** The day of an instant in China, {@code 2026-12-07}, where a file shows only the date. */
    public static String chinaDate(Instant at) {
        return DATE.format(at);
    }

    /** Fails when {@code text} shows one of {@link #CODES} or of {@code more}, quoting it with its surroundings. */
    public static void assertWords(String text, String where, List<Pattern> more) {
        List<Pattern> codes = new ArrayList<>(CODES);
        codes.addAll(more);
        for (Pattern code : codes) {
            Matcher found = code.matcher(text);
            if (found.find()) {
                int from = Math.max(0, found.start() - 60);
                throw new AssertionError("\"" + found.group() + "\" is a code, not words, on " + where + ": …"
                        + text.substring(from, Math.min(text.length(), found.end() + 60)) + "…");
            }
        }
    }

    /** A PDF's text as PDFBox extracts it: it must be words ({@link #assertWords}, times without seconds). */
    public static String assertPdfInWords(byte[] pdf, String where) {
        String text = pdfText(pdf);
        assertWords(text, where, fileCodes(true));
        return text;
    }

    /**
     * A CSV (UTF-8, with or without its byte-order mark) read as rows of fields: every field must be words, and
     * every header too — Chinese words when {@code chinese}, else words that are no identifier.
     */
    public static List<List<String>> assertCsvInWords(byte[] csv, boolean chinese, String where) {
        List<List<String>> rows = csvRows(csv);
        if (rows.isEmpty()) {
            throw new AssertionError(where + " is empty");
        }
        for (String header : rows.getFirst()) {
            if (chinese
                    ? !HAN.matcher(header).find()
                    : IDENTIFIER.matcher(header).matches()) {
                throw new AssertionError(
                        "The header \"" + header + "\" of " + where + " is not words: " + rows.getFirst());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            assertWords(String.join(" | ", rows.get(i)), where + ", line " + (i + 1), fileCodes(chinese));
        }
        return rows;
    }

    private static List<Pattern> fileCodes(boolean chinese) {
        List<Pattern> codes = new ArrayList<>(FILE_TIMES);
        codes.add(USERNAME);
        if (chinese) {
            codes.add(USERNAME_ZH);
        }
        return codes;
    }

    /** The text of a PDF, pages in order. */
    public static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a readable PDF", e);
        }
    }

    /** RFC 4180 rows (quoted fields with commas, quotes and line breaks), the byte-order mark dropped. */
    public static List<List<String>> csvRows(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
