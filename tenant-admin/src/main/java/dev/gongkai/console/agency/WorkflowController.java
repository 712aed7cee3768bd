package dev.gongkai.console.agency;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.shell.ShellAdvice;
import dev.gongkai.console.shell.UploadOf;
import dev.gongkai.console.shell.Words;
import dev.gongkai.contract.ImportPreview;
import dev.gongkai.contract.ReportView;
import dev.gongkai.contract.RevisionDiff;
import dev.gongkai.contract.RevisionView;
import dev.gongkai.contract.UploadKind;
import dev.gongkai.report.model.AnnualReport;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everything around the draft: the submit page (errors that block, warnings with a box for the explanation,
 * sign-off and submission), the office's comments, the history of revisions with their diff, and import.
 */
@Controller
class WorkflowController {

    private final ReportsApi reports;
    private final PendingImports imports;
    private final Words words;

    WorkflowController(ReportsApi reports, PendingImports imports, Words words) {
        this.reports = reports;
        this.imports = imports;
        this.words = words;
    }

    @GetMapping("/reports/{year}/submit")
    String submit(@PathVariable int year, Locale locale, Model model) {
        ReportView view = reports.get(year).getBody();
        // The approver reads (and may print) the report as the public will see it before signing it off.
        var report = ReportMarkup.report(view, reports.json());
        model.addAttribute("tables", ReportMarkup.readOnlyTables(report, java.util.Set.of()));
        model.addAttribute("narratives", EditorController.narratives(report, locale));
        model.addAttribute("year", year);
        model.addAttribute("status", view.status().name());
        // The buttons are the service's word on what this user may do now; the page does not re-encode the workflow.
        model.addAttribute("allowedActions", view.allowedActions());
        model.addAttribute("correctionReason", view.correctionReason());
        model.addAttribute("findings", reports.findings(year));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "agency/submit";
    }

    /** Explanations come as {@code explanation[<finding id>]} fields, one per warning. */
    @PostMapping("/reports/{year}/transitions")
    String transition(
            @PathVariable int year,
            @RequestParam String action,
            @RequestParam(required = false) String idempotencyKey,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        Map<String, String> explanations = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("explanation[") && name.endsWith("]") && !value.isBlank()) {
                explanations.put(name.substring("explanation[".length(), name.length() - 1), value.strip());
            }
        });
        try {
            reports.transition(year, action, explanations, form.get("reason"), idempotencyKey);
            redirect.addFlashAttribute("notice", "transition.done." + action);
            return "redirect:/reports";
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
            return "redirect:/reports/" + year + "/submit";
        }
    }

    @PostMapping("/reports/{year}/comments/{id}/replies")
    String reply(@PathVariable int year, @PathVariable long id, @RequestParam String body) {
        reports.reply(year, id, body);
        return "redirect:/reports/" + year + "#comments";
    }

    /** The editor marks the office's comment dealt with: it leaves the cell and the list (shown on request). */
    @PostMapping("/reports/{year}/comments/{id}/resolve")
    String resolve(@PathVariable int year, @PathVariable long id, RedirectAttributes redirect) {
        reports.resolve(year, id);
        redirect.addFlashAttribute("notice", "comment.resolved");
        return "redirect:/reports/" + year + "#comments";
    }

    @GetMapping("/reports/{year}/history")
    String history(
            @PathVariable int year,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Locale locale,
            Model model) {
        List<RevisionView> revisions = reports.revisions(year);
        model.addAttribute("year", year);
        model.addAttribute("revisions", revisions);
        model.addAttribute("timeline", Timeline.of(revisions, reports.audit(year), words));
        model.addAttribute("audit", reports.auditVerify(year));
        int latest = revisions.stream().mapToInt(RevisionView::revision).max().orElse(0);
        int b = to != null ? to : latest;
        int a = from != null ? from : Math.max(1, b - 1);
        if (latest > 1 || (from != null && to != null)) {
            model.addAttribute("from", a);
            model.addAttribute("to", b);
            RevisionDiff diff = reports.diff(year, a, b);
            model.addAttribute("diff", diff);
            model.addAttribute("textChanges", TextDiff.narratives(diff, locale));
        }
        return "agency/history";
    }

    @GetMapping("/reports/{year}/import")
    String importForm(@PathVariable int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("limitMegabytes", UploadKind.REPORT_FILE.megabytes());
        return "agency/import";
    }

    /** Reads the file and shows what it holds, with findings; nothing is stored until the user accepts. */
    @PostMapping("/reports/{year}/import")
    @UploadOf(UploadKind.REPORT_FILE)
    String importPreview(
            @PathVariable int year,
            @RequestParam("file") MultipartFile file,
            Authentication authentication,
            Locale locale,
            Model model)
            throws IOException {
        byte[] bytes = file.getBytes();
        ImportPreview preview = reports.importPreview(year, bytes);
        // Another year's or another agency's report is adopted only when the user says so, checked again on apply.
        Integer yearInFile = preview.yearInFile();
        String agencyInFile =
                preview.report().agency() == null ? "" : preview.report().agency();
        String ownAgency = model.getAttribute("agency") instanceof ShellAdvice.Agency own ? own.nameZh() : "";
        boolean otherAgency = !agencyInFile.isBlank() && !ownAgency.isBlank() && !sameAgency(agencyInFile, ownAgency);
        ConsoleUser user = ConsoleUser.of(authentication);
        String token = imports.keep(
                user.username(), user.acting(), new PendingImports.Pending(bytes, yearInFile != null || otherAgency));
        AnnualReport report = ReportMarkup.report(preview.report(), reports.json());
        model.addAttribute("otherAgency", otherAgency ? agencyInFile : null);
        model.addAttribute("ownAgency", ownAgency);
        model.addAttribute("mismatch", yearInFile != null || otherAgency);
        model.addAttribute("narratives", EditorController.narratives(report, locale));
        model.addAttribute("year", year);
        model.addAttribute("yearInFile", yearInFile);
        model.addAttribute("token", token);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("tables", ReportMarkup.editableTables(report, false, null, locale));
        model.addAttribute("findings", preview.findings());
        return "agency/import-preview";
    }

    /** The file may name the agency in full ("乌海市公安局") or with the city first; either way it is the same one. */
    static boolean sameAgency(String inFile, String own) {
        String a = inFile.replaceAll("\\s", "");
        String b = own.replaceAll("\\s", "");
        return a.equals(b) || a.endsWith(b) || b.endsWith(a);
    }

    @PostMapping("/reports/{year}/import/apply")
    String importApply(
            @PathVariable int year,
            @RequestParam String token,
            @RequestParam(defaultValue = "false") boolean confirmMismatch,
            Authentication authentication,
            RedirectAttributes redirect) {
        ConsoleUser user = ConsoleUser.of(authentication);
        var found = imports.find(token, user.username(), user.acting());
        if (found.isEmpty()) {
            return "redirect:/reports/" + year + "/import";
        }
        PendingImports.Pending pending = found.get();
        if (pending.mismatch() && !confirmMismatch) {
            redirect.addFlashAttribute("notice", "import.notConfirmed");
            return "redirect:/reports/" + year + "/import";
        }
        byte[] bytes = pending.bytes();
        reports.importApply(year, bytes);
        imports.discard(token);
        redirect.addFlashAttribute("notice", "import.applied");
        return "redirect:/reports/" + year;
    }
}
