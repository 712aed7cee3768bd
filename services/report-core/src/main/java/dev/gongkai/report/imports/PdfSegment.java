package dev.gongkai.report.imports;

/**
 * A drawn horizontal or vertical ruling line, in page coordinates with y growing downwards: {@code at} is the y of
 * a horizontal line or the x of a vertical one, {@code from}..{@code to} its extent along the other axis.
 */
record PdfSegment(boolean horizontal, float at, float from, float to) {

    boolean covers(float position, float tolerance) {
        return from - tolerance <= position && position <= to + tolerance;
    }

    /** Whether a horizontal and a vertical segment cross or touch. */
    boolean touches(PdfSegment other, float tolerance) {
        if (horizontal == other.horizontal) {
            return Math.abs(at - other.at) <= tolerance && from <= other.to + tolerance && other.from <= to + tolerance;
        }
        return covers(other.at, tolerance) && other.covers(at, tolerance);
    }
}
