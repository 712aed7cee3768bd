package dev.gongkai.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An agency's report as the disclosure office reviews it: the members of {@link ReportView} (the document and where
 * it is in its lifecycle) and, beside them, the agency it belongs to and what the review reads with it.
 *
 * @param agencySlug     the agency whose report it is
 * @param allowedActions what the office's caller may do with it now, in workflow order
 * @param findings       the consistency rules' findings, with the agency's explanations
 * @param comments       the review comments' threads
 * @param attachments    the files the agency attached
 */
public record OfficeReportView(
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
        String agencySlug,
        Set<Action> allowedActions,
        List<FindingView> findings,
        List<CommentView> comments,
        List<AttachmentView> attachments) {

    /** The agency's report {@code view} with what the office's review reads beside it. */
    public static OfficeReportView of(
            ReportView view,
            String agencySlug,
            Set<Action> allowedActions,
            List<FindingView> findings,
            List<CommentView> comments,
            List<AttachmentView> attachments) {
        return new OfficeReportView(
                view.format(),
                view.year(),
                view.agency(),
                view.publishedOn(),
                view.narrative(),
                view.cells(),
                view.blank(),
                view.status(),
                view.revision(),
                view.source(),
                view.returnReason(),
                view.correctionReason(),
                view.submittedAt(),
                view.publishedAt(),
                view.updatedAt(),
                agencySlug,
                allowedActions,
                findings,
                comments,
                attachments);
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
