package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agency's report of a year as the reports service answers with it: the members of the canonical JSON document
 * (format, year, agency, publishedOn, narrative, cells, blank) and, beside them, where the report is in its
 * lifecycle.
 *
 * @param cells            cell key → its value as the canonical JSON writes it: a whole number for counts, a
 *                         decimal string for amounts, a string for text
 * @param blank            the cells deliberately left empty
 * @param returnReason     why the office returned it, while it is returned
 * @param correctionReason why the office reopened the published report, while its correction is under way
 * @param allowedActions   what the caller may do with it now (through the API that answered), in workflow order;
 *                         absent where the answer is not about the caller (create, import)
 * @param findings         the consistency rules' findings, where the answer carries them (create, import)
 */
public record ReportView(
        String format,
        int year,
        String agency,
        LocalDate publishedOn,
        Map<String, String> narrative,
        Map<String, Object> cells,
        List<String> blank,
        ReportStatus status,
        int revision,
        ReportSource source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String returnReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String correctionReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant submittedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant publishedAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Set<Action> allowedActions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FindingView> findings) {

    /** The same report, answered to a caller who may take {@code actions}. */
    public ReportView withAllowedActions(Set<Action> actions) {
        return new ReportView(
                format,
                year,
                agency,
                publishedOn,
                narrative,
                cells,
                blank,
                status,
                revision,
                source,
                returnReason,
                correctionReason,
                submittedAt,
                publishedAt,
                updatedAt,
                actions,
                findings);
    }

    /** The same report with the rules' findings on it. */
    public ReportView withFindings(List<FindingView> found) {
        return new ReportView(
                format,
                year,
                agency,
                publishedOn,
                narrative,
                cells,
                blank,
                status,
                revision,
                source,
                returnReason,
                correctionReason,
                submittedAt,
                publishedAt,
                updatedAt,
                allowedActions,
                found);
    }

    /** The document itself, without its place in the lifecycle. */
    public ReportDocument document() {
        return new ReportDocument(format, year, agency, publishedOn, narrative, cells, blank);
    }

    /** Whether the caller may take {@code action} now. */
    public boolean allows(Action action) {
        return allowedActions != null && allowedActions.contains(action);
    }
}
