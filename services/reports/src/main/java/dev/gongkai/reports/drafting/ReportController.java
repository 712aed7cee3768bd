package dev.gongkai.reports.drafting;

import dev.gongkai.contract.FindingView;
import dev.gongkai.contract.ImportPreview;
import dev.gongkai.contract.PatchResult;
import dev.gongkai.contract.ReportSummary;
import dev.gongkai.contract.ReportView;
import dev.gongkai.contract.UploadKind;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.LocalizedText;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.report.imports.ImportResult;
import dev.gongkai.report.imports.ReportReader;
import dev.gongkai.report.imports.UnreadableReportException;
import dev.gongkai.report.rules.Totals;
import dev.gongkai.reports.report.Bodies;
import dev.gongkai.reports.report.Etags;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportFindings;
import dev.gongkai.reports.report.ReportJson;
import dev.gongkai.reports.report.Years;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agency's own report of a year: create, read, edit with optimistic locking, findings, import. */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    /** The largest report file we import (published reports are a few MB at most); the console's limit too. */
    static final int MAX_IMPORT_BYTES = Math.toIntExact(UploadKind.REPORT_FILE.maxBytes());

    private final Drafting drafting;
    private final ReportJson json;

    ReportController(Drafting drafting, ReportJson json) {
        this.drafting = drafting;
        this.json = json;
    }

    record CreateReport(Integer year) {}

    @PostMapping
    ResponseEntity<ReportView> create(ActingAgency acting, @RequestBody CreateReport request) {
        Permissions.requireMember(acting, Roles.AGENCY_EDITOR);
        int year = Years.check(request.year(), "year");
        Drafting.Saved saved = drafting.create(acting, year);
        return ResponseEntity.created(URI.create("/api/reports/" + year))
                .eTag(saved.report().etag())
                .body(body(saved));
    }

    @GetMapping
    List<ReportSummary> list(ActingAgency acting) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return drafting.list(acting);
    }

    @GetMapping("/{year}")
    ResponseEntity<ReportView> get(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        Drafting.Saved saved = drafting.get(acting, year);
        ReportView view = json.view(saved.report())
                .withAllowedActions(Permissions.allowedActions(
                        acting.caller(), saved.report().status(), false));
        return ResponseEntity.ok().eTag(saved.report().etag()).body(view);
    }

    @PatchMapping("/{year}")
    ResponseEntity<PatchResult> patch(
            ActingAgency acting,
            @PathVariable int year,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        Permissions.requireMember(acting, Roles.AGENCY_EDITOR);
        int expected = Etags.revision(ifMatch);
        byte[] body = Bodies.read(request, ReportPatch.MAX_BODY_BYTES, "1 MB");
        Drafting.Saved saved = drafting.patch(acting, year, expected, body);
        // The editor already holds the document; the answer is what changed for them: revision, status, findings,
        // and the totals it may offer the clerk to fill in (never written for them).
        PatchResult answer = new PatchResult(
                year,
                saved.report().status(),
                saved.report().revision(),
                saved.checked().findings(),
                Totals.offered(saved.report().document()).stream()
                        .map(offer -> new PatchResult.Total(offer.cell(), offer.sum(), offer.kind()))
                        .toList());
        return ResponseEntity.ok().eTag(saved.report().etag()).body(answer);
    }

    @GetMapping("/{year}/findings")
    List<FindingView> findings(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return drafting.get(acting, year).checked().findings();
    }

    /** Parses a report file (txt, html, docx, pdf or canonical JSON) and shows what it holds; stores nothing. */
    @PostMapping("/import")
    ImportPreview preview(
            ActingAgency acting, @RequestParam(required = false) Integer year, HttpServletRequest request) {
        Permissions.requireMember(acting, Roles.AGENCY_EDITOR);
        int checkedYear = Years.check(year, "year");
        ImportResult imported = read(request);
        Integer inFile = imported.report().year();
        List<FindingView> all = new ArrayList<>(ReportFindings.views(imported.findings(), Map.of()));
        all.addAll(
                drafting.checkImported(acting, checkedYear, imported.report()).findings());
        return new ImportPreview(
                imported.source().name(),
                checkedYear,
                inFile != null && inFile != checkedYear ? inFile : null,
                json.document(imported.report()),
                all);
    }

    @PostMapping("/{year}/import")
    ResponseEntity<ReportView> apply(
            ActingAgency acting,
            @PathVariable int year,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        Permissions.requireMember(acting, Roles.AGENCY_EDITOR);
        Years.check(year, "year");
        Integer expected = ifMatch == null ? null : Etags.revision(ifMatch);
        ImportResult imported = read(request);
        Drafting.Saved saved = drafting.applyImport(acting, year, expected, imported);
        return ResponseEntity.ok().eTag(saved.report().etag()).body(body(saved));
    }

    static ImportResult read(HttpServletRequest request) {
        byte[] body = Bodies.read(request, MAX_IMPORT_BYTES, UploadKind.REPORT_FILE.megabytes() + " MB");
        if (body.length == 0) {
            throw new ApiException(ProblemCode.REQUEST_BODY_MISSING).variant("report-file");
        }
        try {
            return ReportReader.read(body);
        } catch (UnreadableReportException e) {
            throw new ApiException(ProblemCode.IMPORT_UNREADABLE, new LocalizedText(e.messageZh(), e.messageEn()))
                    .atField("body")
                    .with("reason", e.code());
        } catch (RuntimeException e) {
            // A parser tripping over a hostile file is the file's problem, not a server error.
            throw new ApiException(ProblemCode.IMPORT_UNREADABLE)
                    .variant("damaged")
                    .atField("body")
                    .with("reason", "DAMAGED");
        }
    }

    private ReportView body(Drafting.Saved saved) {
        return json.view(saved.report()).withFindings(saved.checked().findings());
    }
}
