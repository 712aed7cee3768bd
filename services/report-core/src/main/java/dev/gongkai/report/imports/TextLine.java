package dev.gongkai.report.imports;

/**
 * A source line as the assembler reads it: each cell trimmed ({@code raw}) and in comparison form ({@code norm},
 * see {@link TextNormalizer#label}). Cells longer than {@link #MAX_NORMALISED} are narrative prose: they are never a
 * title, label or number, so they are not normalised ({@code norm} is null) — the bulk of a report's text is
 * skipped that way.
 */
final class TextLine {

    static final int MAX_NORMALISED = Labels.MAX_TITLE;

    final String[] raw;
    final String[] norm;
    /** Index of the first non-empty cell, -1 when the line is empty. */
    final int first;
    /** Number of non-empty cells. */
    final int filled;

    TextLine(SourceLine line) {
        int size = line.cells().size();
        raw = new String[size];
        norm = new String[size];
        int firstFilled = -1;
        int count = 0;
        for (int i = 0; i < size; i++) {
            String cell = line.cells().get(i);
            String trimmed = cell == null ? "" : TextNormalizer.trim(cell);
            raw[i] = trimmed;
            norm[i] = trimmed.length() > MAX_NORMALISED ? null : TextNormalizer.label(trimmed);
            if (norm[i] == null || !norm[i].isEmpty()) {
                count++;
                if (firstFilled < 0) {
                    firstFilled = i;
                }
            }
        }
        first = firstFilled;
        filled = count;
    }

    boolean isEmpty() {
        return first < 0;
    }

    /**
     * True for an empty line that is not blank: a lone quote mark or the like, which the comparison form drops
     * (危及 / “ / 三安全一稳定 / ”: part of a label a page broke around its quotes).
     */
    boolean isMark() {
        if (first >= 0) {
            return false;
        }
        for (String cell : raw) {
            if (!cell.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The comparison form of the line when it holds exactly one non-empty cell (a paragraph), else null. */
    String paragraphNorm() {
        return filled == 1 ? norm[first] : null;
    }

    /** The comparison form of the first non-empty cell, or null. */
    String firstNorm() {
        return first < 0 ? null : norm[first];
    }

    /** True when every cell could stand in a value column (blank or number), and the line is not empty. */
    boolean isValues() {
        if (raw.length == 0) {
            return false;
        }
        for (String cell : norm) {
            if (!CellText.isValue(cell)) {
                return false;
            }
        }
        return true;
    }

    /** The non-empty cells joined by a space: a paragraph's text as written. */
    String text() {
        if (filled == 1) {
            return raw[first];
        }
        StringBuilder text = new StringBuilder();
        for (String cell : raw) {
            if (!cell.isEmpty()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(cell);
            }
        }
        return text.toString();
    }
}
