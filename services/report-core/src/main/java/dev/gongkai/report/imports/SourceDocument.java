package dev.gongkai.report.imports;

import java.util.List;

/** A source reduced to lines, in reading order, with the type it was read from. */
public record SourceDocument(SourceType type, List<SourceLine> lines) {
    public SourceDocument {
        lines = List.copyOf(lines);
    }
}
