package dev.gongkai.report.imports;

/** The kinds of input an importer reads, recognised from the content, not the file name. */
public enum SourceType {
    TEXT,
    HTML,
    DOCX,
    PDF,
    /** The canonical JSON of the spec. */
    JSON
}
