package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a report file holds, read and checked but not stored.
 *
 * @param source     the kind of file it was read from (TEXT, HTML, DOCX, PDF, JSON)
 * @param year       the year it is to be imported into
 * @param yearInFile the year the file names, when it is another one
 * @param findings   what reading it found, then what the consistency rules found
 */
public record ImportPreview(
        String source,
        int year,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer yearInFile,
        ReportDocument report,
        List<FindingView> findings) {}
