package dev.gongkai.report.imports;

import java.util.List;

/**
 * Reads a PDF's text layer back into the report's lines. The words' positions are all a PDF keeps of its layout,
 * so tables are rebuilt from their drawn grid (or, without one, from the gaps between words), wrapped labels are
 * joined, tables continue across page breaks and page numbers are dropped. A PDF without text (a scan) is refused
 * rather than guessed at; work is bounded by {@link PdfBudget}.
 */
final class PdfExtractor implements SourceExtractor {

    @Override
    public SourceDocument extract(byte[] content) throws UnreadableReportException {
        List<PdfPage> pages = PdfPageReader.read(content);
        return new SourceDocument(SourceType.PDF, PdfLayout.lines(pages));
    }
}
