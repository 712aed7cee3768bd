package dev.gongkai.reports.review;

import dev.gongkai.contract.CommentView;
import dev.gongkai.contract.OfficeReportView;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.contract.TransitionRequest;
import dev.gongkai.contract.TransitionResult;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.rules.ReportCycle;
import dev.gongkai.reports.attachments.Attachments;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportFindings;
import dev.gongkai.reports.report.ReportJson;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import dev.gongkai.reports.report.Years;
import dev.gongkai.reports.workflow.Transitions;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The disclosure office's review of its jurisdiction: the submissions of a year, one agency's report with findings,
 * explanations, comments and attachments, comments, and the office's transitions.
 */
@RestController
@RequestMapping("/api/office")
class OfficeController {

    private final AgencyAccess access;
    private final AgencyDsl agencyDsl;
    private final ReportStore reports;
    private final ReportFindings findings;
    private final ReportJson json;
    private final Submissions submissions;
    private final Comments comments;
    private final Attachments attachments;
    private final Transitions transitions;

    OfficeController(
            AgencyAccess access,
            AgencyDsl agencyDsl,
            ReportStore reports,
            ReportFindings findings,
            ReportJson json,
            Submissions submissions,
            Comments comments,
            Attachments attachments,
            Transitions transitions) {
        this.access = access;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.findings = findings;
        this.json = json;
        this.submissions = submissions;
        this.comments = comments;
        this.attachments = attachments;
        this.transitions = transitions;
    }

    @GetMapping("/submissions")
    List<SubmissionRow> submissions(
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String status) {
        Permissions.requireRole(caller, Roles.OFFICE_REVIEWER, Roles.OFFICE_ADMIN);
        int checked = Years.check(year == null ? ReportCycle.drafting(ReportCycle.today()) : year, "year");
        return submissions.list(caller, checked, Submissions.status(status));
    }

    @GetMapping("/reports/{agency}/{year}")
    @Transactional(readOnly = true)
    ResponseEntity<OfficeReportView> report(Caller caller, @PathVariable AgencySlug agency, @PathVariable int year) {
        ActingAgency acting = Permissions.supervised(access, caller, agency);
        var dsl = agencyDsl.of(acting);
        StoredReport report = reports.requireVisibleToOffice(dsl, year);
        OfficeReportView body = OfficeReportView.of(
                json.view(report),
                acting.slug().value(),
                Permissions.allowedActions(caller, report.status(), true),
                findings.check(dsl, year, report.document()).findings(),
                comments.threads(acting, year),
                attachments.list(acting, year));
        return ResponseEntity.ok().eTag(report.etag()).body(body);
    }

    @PostMapping("/reports/{agency}/{year}/transitions")
    ResponseEntity<TransitionResult> transition(
            Caller caller,
            @PathVariable AgencySlug agency,
            @PathVariable int year,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestBody TransitionRequest request) {
        ActingAgency acting = Permissions.supervised(access, caller, agency);
        return transitions.apply(acting, year, request, key, true).toResponse();
    }

    @GetMapping("/reports/{agency}/{year}/comments")
    List<CommentView> comments(Caller caller, @PathVariable AgencySlug agency, @PathVariable int year) {
        return comments.threads(visible(caller, agency, year), year);
    }

    @PostMapping("/reports/{agency}/{year}/comments")
    ResponseEntity<CommentView> comment(
            Caller caller,
            @PathVariable AgencySlug agency,
            @PathVariable int year,
            @RequestBody Comments.NewComment comment) {
        ActingAgency acting = visible(caller, agency, year);
        return ResponseEntity.status(HttpStatus.CREATED).body(comments.add(acting, year, comment));
    }

    record Reply(String body) {}

    @PostMapping("/reports/{agency}/{year}/comments/{id}/replies")
    ResponseEntity<CommentView> reply(
            Caller caller,
            @PathVariable AgencySlug agency,
            @PathVariable int year,
            @PathVariable long id,
            @RequestBody Reply reply) {
        ActingAgency acting = visible(caller, agency, year);
        return ResponseEntity.status(HttpStatus.CREATED).body(comments.reply(acting, year, id, reply.body()));
    }

    @PostMapping("/reports/{agency}/{year}/comments/{id}/resolve")
    CommentView resolve(Caller caller, @PathVariable AgencySlug agency, @PathVariable int year, @PathVariable long id) {
        return comments.resolve(visible(caller, agency, year), year, id);
    }

    /** The supervised agency, once its report of the year is one the office may read. */
    private ActingAgency visible(Caller caller, AgencySlug agency, int year) {
        ActingAgency acting = Permissions.supervised(access, caller, agency);
        reports.requireVisibleToOffice(agencyDsl.of(acting), year);
        return acting;
    }
}
