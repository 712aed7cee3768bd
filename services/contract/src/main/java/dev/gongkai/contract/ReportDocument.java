package dev.gongkai.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A report document as its canonical JSON holds it. The cells stay as the document writes them: a document is
 * JSON by nature, and the report core reads it.
 *
 * @param year    null when a file did not say
 * @param cells   cell key → a whole number for counts, a decimal string for amounts, a string for text
 * @param blank   the cells deliberately left empty
 */
public record ReportDocument(
        String format,
        Integer year,
        String agency,
        LocalDate publishedOn,
        Map<String, String> narrative,
        Map<String, Object> cells,
        List<String> blank) {}
