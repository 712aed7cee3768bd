package dev.gongkai.report.imports;

/** Reduces one type of source to lines. Implementations must end in bounded time and memory on any input. */
interface SourceExtractor {
    SourceDocument extract(byte[] content) throws UnreadableReportException;
}
