package dev.gongkai.report.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed list of keywords a short text contains, in one pass over the text: keywords are indexed
 * by their first char, so a label is not searched once per keyword. When several keywords occur, the one listed
 * first wins (the list is in priority order).
 */
final class KeywordIndex<T> {

    private record Entry<T>(String keyword, int priority, T value) {}

    private final Map<Character, List<Entry<T>>> byFirstChar = new HashMap<>();

    /** Keywords and their values, highest priority first. */
    KeywordIndex(List<Map.Entry<String, T>> keywords) {
        for (int i = 0; i < keywords.size(); i++) {
            String keyword = keywords.get(i).getKey();
            byFirstChar
                    .computeIfAbsent(keyword.charAt(0), c -> new ArrayList<>())
                    .add(new Entry<>(keyword, i, keywords.get(i).getValue()));
        }
    }

    /** The value of the highest-priority keyword the text contains, or null. */
    T find(String text) {
        Entry<T> best = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            List<Entry<T>> candidates = byFirstChar.get(text.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Entry<T> candidate : candidates) {
                if ((best == null || candidate.priority() < best.priority())
                        && text.startsWith(candidate.keyword(), i)) {
                    best = candidate;
                }
            }
        }
        return best == null ? null : best.value();
    }
}
