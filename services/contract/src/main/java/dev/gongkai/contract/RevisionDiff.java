package dev.gongkai.contract;

import java.util.List;

/** What changed between two revisions of a report: the cells whose value or state differs, and the narratives. */
public record RevisionDiff(int year, int from, int to, List<CellChange> cells, List<TextChange> narrative) {

    /**
     * A cell that changed.
     *
     * @param label  the cell's Chinese label
     * @param before its value as the canonical JSON writes it (a number, or text); null when blank or absent
     * @param after  likewise
     */
    public record CellChange(
            String key, String label, Object before, Object after, CellState beforeState, CellState afterState) {}

    /**
     * A narrative section that changed.
     *
     * @param title  the section's Chinese title
     * @param before its text, null when there was none
     * @param after  likewise
     */
    public record TextChange(String key, String title, String before, String after) {}
}
