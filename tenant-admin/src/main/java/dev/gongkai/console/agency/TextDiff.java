package dev.gongkai.console.agency;

import dev.gongkai.contract.RevisionDiff;
import dev.gongkai.report.model.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word diff of two texts for the history page, so that "110 → 109" shows as one changed number rather than two
 * whole paragraphs: numbers and Latin words are single tokens, every other character (Chinese) is one.
 */
public final class TextDiff {

    /** One run of the diff: unchanged, removed or added text. */
    public record Part(Kind kind, String text) {}

    public enum Kind {
        SAME,
        DELETED,
        INSERTED
    }

    /** A narrative section's change between two revisions, diffed by words. */
    public record Change(String key, String title, List<Part> parts) {}

    /**
     * The word diffs of the narratives a revision diff of the reports service names (its {@code narrative} list),
     * titled in the reader's language: the agency's history and the office's review of a correction show the same.
     */
    public static List<Change> narratives(RevisionDiff diff, Locale locale) {
        List<Change> changes = new ArrayList<>();
        for (RevisionDiff.TextChange text : diff.narrative()) {
            Section section = Section.ofKey(text.key());
            changes.add(new Change(
                    section.key(),
                    EditorController.english(locale) ? section.titleEn() : section.titleZh(),
                    of(text.before(), text.after())));
        }
        return changes;
    }

    private static final Pattern TOKEN = Pattern.compile("\\d+(?:[.,]\\d+)*|[A-Za-z]+|\\s+|.", Pattern.DOTALL);
    /** Above this many tokens in the changed middle, the middle shows as removed and added whole. */
    private static final int MAX_TOKENS = 4000;

    private TextDiff() {}

    static List<Part> of(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Part> parts = new ArrayList<>();
        add(parts, Kind.SAME, String.join("", a.subList(0, start)));
        List<String> midA = a.subList(start, endA);
        List<String> midB = b.subList(start, endB);
        if ((long) midA.size() * midB.size() > (long) MAX_TOKENS * MAX_TOKENS / 4) {
            add(parts, Kind.DELETED, String.join("", midA));
            add(parts, Kind.INSERTED, String.join("", midB));
        } else {
            middle(midA, midB, parts);
        }
        add(parts, Kind.SAME, String.join("", a.subList(endA, a.size())));
        return parts;
    }

    /** Longest common subsequence of the changed middle, walked forwards. */
    private static void middle(List<String> a, List<String> b, List<Part> parts) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(parts, Kind.SAME, a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // What was removed reads before what replaced it: "110" struck, then "109".
                add(parts, Kind.DELETED, a.get(i++));
            } else {
                add(parts, Kind.INSERTED, b.get(j++));
            }
        }
    }

    private static void add(List<Part> parts, Kind kind, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && parts.getLast().kind() == kind) {
            parts.set(parts.size() - 1, new Part(kind, parts.getLast().text() + text));
        } else {
            parts.add(new Part(kind, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }
}
