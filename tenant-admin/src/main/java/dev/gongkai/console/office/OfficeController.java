package dev.gongkai.console.office;

import dev.gongkai.console.agency.ReportMarkup;
import dev.gongkai.console.agency.TextDiff;
import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.ServiceUrls;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.Action;
import dev.gongkai.contract.OfficeReportView;
import dev.gongkai.contract.RevisionDiff;
import dev.gongkai.contract.RevisionView;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.contract.TransitionRequest;
import dev.gongkai.contract.WorkflowStepView;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.Section;
import dev.gongkai.report.rules.ReportCycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The disclosure office: the review queue of its jurisdiction, a submission beside last year's report with the
 * differences marked, comments on a cell or a section, and return / approve / publish; the office-admin starts the
 * correction of a published report, with a reason the public reads.
 */
@Controller
class OfficeController {

    private final Services services;
    private final ServiceUrls urls;
    private final JsonMapper json;
    private final OfficeReportsClient reports;

    OfficeController(Services services, ServiceUrls urls, JsonMapper json) {
        this.services = services;
        this.urls = urls;
        this.json = json;
        this.reports = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(services.reports()))
                .build()
                .createClient(OfficeReportsClient.class);
    }

    /**
     * The queue opens on the cycle being drafted ({@link ReportCycle#drafting}) with what waits for review first, oldest
     * submission first, and says how many wait, and how many still wait in the cycle before.
     */
    @GetMapping("/office")
    String queue(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) SubmissionRow.State status,
            Model model) {
        int shown = year != null ? year : ReportCycle.drafting(ReportCycle.today());
        List<SubmissionRow> rows = new ArrayList<>(reports.submissions(shown, status));
        // What waits first, oldest submission first; the service's order (deadline, agency) after that.
        rows.sort(Comparator.comparing((SubmissionRow r) -> !r.waiting())
                .thenComparing(
                        r -> r.waiting() ? r.submittedAt() : null, Comparator.nullsFirst(Comparator.naturalOrder())));
        model.addAttribute("year", shown);
        model.addAttribute("statusFilter", status);
        model.addAttribute("states", SubmissionRow.State.values());
        model.addAttribute("rows", rows);
        model.addAttribute(
                "waiting", rows.stream().filter(SubmissionRow::waiting).count());
        int before = shown - 1;
        long waitingBefore = 0;
        if (status == null) {
            try {
                waitingBefore = reports.submissions(before, SubmissionRow.State.SUBMITTED)
                        .size();
            } catch (ServiceProblem problem) {
                // A year the service does not take (before the first) waits for nothing.
                if (!problem.is(400) && !problem.is(422)) {
                    throw problem;
                }
            }
        }
        model.addAttribute("yearBefore", before);
        model.addAttribute("waitingBefore", waitingBefore);
        return "office/queue";
    }

    record NarrativePair(String key, String title, String now, String before, boolean changed) {}

    @GetMapping("/office/reports/{agency}/{year}")
    String review(@PathVariable String agency, @PathVariable int year, Locale locale, Model model) {
        OfficeReportView view = reports.report(agency, year);
        OfficeReportView last = null;
        try {
            last = reports.report(agency, year - 1);
        } catch (ServiceProblem problem) {
            if (!problem.is(404) && !problem.is(400)) {
                throw problem;
            }
        }
        AnnualReport now = ReportMarkup.report(view.document(), json);
        AnnualReport before = last == null ? null : ReportMarkup.report(last.document(), json);
        List<NarrativePair> narratives = new ArrayList<>();
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        for (Section section : Section.NARRATIVES) {
            String text = now.narrative(section);
            String previous = before == null ? null : before.narrative(section);
            narratives.add(new NarrativePair(
                    section.key(),
                    english ? section.titleEn() : section.titleZh(),
                    text == null ? "" : text,
                    previous,
                    before != null && !java.util.Objects.equals(text, previous)));
        }
        model.addAttribute("agencySlug", agency);
        model.addAttribute("agencyName", view.agency() == null ? agency : view.agency());
        model.addAttribute("year", year);
        model.addAttribute("status", view.status().name());
        // The buttons the service would accept: its allowedActions for this viewer, never the template's own guess.
        model.addAttribute("mayReturn", view.allows(Action.RETURN));
        model.addAttribute("mayApprove", view.allows(Action.APPROVE));
        model.addAttribute("mayPublish", view.allows(Action.PUBLISH));
        model.addAttribute("mayCorrect", view.allows(Action.CORRECT));
        model.addAttribute("hasPrevious", before != null);
        model.addAttribute("tables", ReportMarkup.comparedTables(now, before));
        model.addAttribute("narratives", narratives);
        model.addAttribute("findings", view.findings());
        model.addAttribute("comments", view.comments());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        List<WorkflowStepView> steps = reports.steps(agency, year);
        model.addAttribute("steps", steps);
        WorkflowStepView signOff = null;
        for (WorkflowStepView step : steps) {
            if (Action.SUBMIT.code().equals(step.action())) {
                signOff = step;
            }
        }
        model.addAttribute("signOff", signOff);
        correction(agency, year, view, steps, locale, model);
        return "office/review";
    }

    /**
     * A report under correction says so with its reason, and what changed since the revision the public reads: the
     * revision current when the office started the correction (the correction itself writes none).
     */
    private void correction(
            String agency, int year, OfficeReportView view, List<WorkflowStepView> steps, Locale locale, Model model) {
        String reason = view.correctionReason();
        model.addAttribute("correctionReason", reason);
        if (reason == null) {
            return;
        }
        Instant started = null;
        for (WorkflowStepView step : steps) {
            if (Action.CORRECT.code().equals(step.action())) {
                started = step.at().toInstant();
            }
        }
        if (started == null) {
            return;
        }
        int published = 0;
        for (RevisionView revision : reports.revisions(agency, year)) {
            if (!revision.createdAt().toInstant().isAfter(started)) {
                published = Math.max(published, revision.revision());
            }
        }
        int current = view.revision();
        if (published == 0 || current <= published) {
            return;
        }
        RevisionDiff diff = reports.diff(agency, year, published, current);
        model.addAttribute("publishedRevision", published);
        model.addAttribute("correctionDiff", diff);
        model.addAttribute("correctionTexts", TextDiff.narratives(diff, locale));
    }

    @PostMapping("/office/reports/{agency}/{year}/comments")
    String comment(
            @PathVariable String agency,
            @PathVariable int year,
            @RequestParam String anchor,
            @RequestParam String body,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            services.reports()
                    .post()
                    .uri("/api/office/reports/{agency}/{year}/comments", agency, year)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("anchor", anchor.strip(), "body", body))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "comment.added");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/reports/" + agency + "/" + year + "#comments";
    }

    @PostMapping("/office/reports/{agency}/{year}/transitions")
    String transition(
            @PathVariable String agency,
            @PathVariable int year,
            @RequestParam String action,
            @RequestParam(required = false) String reason,
            @RequestParam String idempotencyKey,
            Locale locale,
            RedirectAttributes redirect) {
        var request = new TransitionRequest(action, null, reason == null || reason.isBlank() ? null : reason.strip());
        try {
            services.reports()
                    .post()
                    .uri("/api/office/reports/{agency}/{year}/transitions", agency, year)
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "transition.done." + action);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/reports/" + agency + "/" + year;
    }

    /** Where the public reads a published report. */
    @GetMapping("/office/reports/{agency}/{year}/public")
    String publicPage(@PathVariable String agency, @PathVariable int year, @RequestParam String jurisdiction) {
        return "redirect:" + urls.portal() + "/public/" + jurisdiction + "/" + agency + "/" + year;
    }
}
