package dev.gongkai.console.agency;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gongkai.contract.AttachmentView;
import dev.gongkai.contract.AuditEntryView;
import dev.gongkai.contract.AuditVerification;
import dev.gongkai.contract.CommentView;
import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.ImportPreview;
import dev.gongkai.contract.PatchResult;
import dev.gongkai.contract.ReportSummary;
import dev.gongkai.contract.ReportView;
import dev.gongkai.contract.RevisionDiff;
import dev.gongkai.contract.RevisionView;
import dev.gongkai.contract.TransitionRequest;
import dev.gongkai.contract.TransitionResult;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The agency's reports in the reports service, answered as the contract's records. Built by {@link ReportsApi} over
 * the signed-in user's client, so error answers arrive as {@link dev.gongkai.console.services.ServiceProblem}.
 */
@HttpExchange("/api/reports")
interface ReportsClient {

    /** The agency's report years, newest first. */
    @GetExchange
    List<ReportSummary> list();

    /** The report with its ETag and what the user may do with it. */
    @GetExchange("/{year}")
    ResponseEntity<ReportView> get(@PathVariable int year);

    @PostExchange
    ReportView create(@RequestBody CreateReport request);

    @PatchExchange("/{year}")
    ResponseEntity<PatchResult> patch(
            @PathVariable int year, @RequestHeader("If-Match") String etag, @RequestBody Changes changes);

    /**
     * A partial canonical document: the cells and narrative sections that changed; a member left out (null) is not
     * sent, a cell's null value is (it blanks the cell).
     *
     * @param cells     by cell key: a number, a decimal amount as text, or null for blank
     * @param narrative by section key
     */
    @JsonInclude(value = JsonInclude.Include.NON_NULL, content = JsonInclude.Include.ALWAYS)
    record Changes(Map<String, Object> cells, Map<String, String> narrative) {}

    @GetExchange("/{year}/findings")
    List<FindingView> findings(@PathVariable int year);

    @PostExchange("/{year}/transitions")
    TransitionResult transition(
            @PathVariable int year,
            @RequestHeader("Idempotency-Key") String idempotencyKey,
            @RequestBody TransitionRequest request);

    /** Reads a report file and shows what it holds; stores nothing. */
    @PostExchange(url = "/import", contentType = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ImportPreview importPreview(@RequestParam int year, @RequestBody byte[] file);

    /** Replaces the report's document with what the file holds. */
    @PostExchange(url = "/{year}/import", contentType = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    ReportView importApply(@PathVariable int year, @RequestBody byte[] file);

    /** The office's comments on the report, thread by thread. */
    @GetExchange("/{year}/comments")
    List<CommentView> comments(@PathVariable int year);

    @PostExchange("/{year}/comments/{id}/replies")
    CommentView reply(@PathVariable int year, @PathVariable long id, @RequestBody Reply reply);

    @PostExchange("/{year}/comments/{id}/resolve")
    CommentView resolve(@PathVariable int year, @PathVariable long id);

    /** Every saved revision, oldest first. */
    @GetExchange("/{year}/revisions")
    List<RevisionView> revisions(@PathVariable int year);

    @GetExchange("/{year}/revisions/{from}/diff/{to}")
    RevisionDiff diff(@PathVariable int year, @PathVariable int from, @PathVariable int to);

    /** The report's audit trail, oldest first. */
    @GetExchange("/{year}/audit")
    List<AuditEntryView> audit(@PathVariable int year);

    /** Whether the agency's audit hash chain is intact. */
    @GetExchange("/{year}/audit/verify")
    AuditVerification auditVerify(@PathVariable int year);

    @GetExchange("/{year}/attachments")
    List<AttachmentView> attachments(@PathVariable int year);

    @DeleteExchange("/{year}/attachments/{id}")
    void removeAttachment(@PathVariable int year, @PathVariable long id);

    record CreateReport(int year) {}

    record Reply(String body) {}
}
