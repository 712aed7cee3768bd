package dev.gongkai.console.agency;

import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.ServiceUrls;
import dev.gongkai.console.shell.ShellAdvice;
import dev.gongkai.contract.China;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.ReportSummary;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's reports by year (every year the reports service holds, plus the recent years not started yet) with
 * status and the legal deadline, the deadline reminders the publishing service sent, creating the draft of a year,
 * and, once published, the address of the report in the agency's own 政府信息公开年报 column.
 */
@Controller
class ReportsController {

    /** The first year of the national format the service accepts. */
    static final int FIRST_YEAR = 2019;

    static final int YEARS_SHOWN = 4;

    private final ReportsApi reports;
    private final ServiceUrls urls;

    ReportsController(ReportsApi reports, ServiceUrls urls) {
        this.reports = reports;
        this.urls = urls;
    }

    /**
     * One year of the list; {@code status} is null when the agency has no report of that year yet, {@code publicPage}
     * when the public cannot read it (never published), {@code websiteUrl} when none is recorded for the published
     * revision, {@code correctionReason} unless the office reopened the published report for correction.
     */
    record YearRow(
            int year,
            ReportStatus status,
            Integer revision,
            LocalDate deadline,
            long daysLeft,
            OffsetDateTime updatedAt,
            int openComments,
            String publicPage,
            String websiteUrl,
            String correctionReason) {
        public boolean exists() {
            return status != null;
        }

        public boolean published() {
            return status == ReportStatus.PUBLISHED;
        }

        /** A report may be started or imported into: not drafted yet, or its document may still change. */
        public boolean editable() {
            return status == null || status.editable();
        }

        public boolean late() {
            return daysLeft < 0 && !published();
        }
    }

    @GetMapping("/reports")
    String list(Model model, org.springframework.security.core.Authentication authentication) {
        LocalDate today = LocalDate.now(China.ZONE);
        Map<Integer, ReportSummary> held = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (ReportSummary summary : reports.list()) {
            held.put(summary.year(), summary);
        }
        for (int year = today.getYear(); year > today.getYear() - YEARS_SHOWN && year >= FIRST_YEAR; year--) {
            held.putIfAbsent(year, null);
        }
        ShellAdvice.Agency agency = model.getAttribute("agency") instanceof ShellAdvice.Agency own ? own : null;
        List<YearRow> rows = new ArrayList<>();
        held.forEach((year, summary) -> {
            LocalDate deadline = LocalDate.of(year + 1, 1, 31);
            long daysLeft = ChronoUnit.DAYS.between(today, deadline);
            if (summary == null) {
                rows.add(new YearRow(year, null, null, deadline, daysLeft, null, 0, null, null, null));
                return;
            }
            PublishingClient.Publication publication = publication(year);
            boolean readable = agency != null && publication.published();
            // Published once and no longer published: the office reopened it, and only the report says why.
            String correctionReason = publication.published() && summary.status() != ReportStatus.PUBLISHED
                    ? reports.get(year).getBody().correctionReason()
                    : null;
            rows.add(new YearRow(
                    year,
                    summary.status(),
                    summary.revision(),
                    deadline,
                    daysLeft,
                    summary.updatedAt(),
                    summary.openComments(),
                    readable
                            ? urls.portal() + "/public/" + agency.jurisdiction() + "/" + agency.slug() + "/" + year
                            : null,
                    publication.url(),
                    correctionReason));
        });
        model.addAttribute("rows", rows);
        // What waits for this user: reports to sign off for an approver, returned reports to fix for an editor.
        var user = dev.gongkai.console.security.ConsoleUser.of(authentication);
        model.addAttribute(
                "awaitingSignoff",
                user != null && user.has(dev.gongkai.console.security.ConsoleUser.APPROVER)
                        ? rows.stream()
                                .filter(r -> r.status() == ReportStatus.PENDING_SIGNOFF)
                                .toList()
                        : List.of());
        model.addAttribute(
                "awaitingFix",
                user != null && user.has(dev.gongkai.console.security.ConsoleUser.EDITOR)
                        ? rows.stream()
                                .filter(r -> r.status() == ReportStatus.RETURNED)
                                .toList()
                        : List.of());
        model.addAttribute("notifications", notifications());
        return "agency/reports";
    }

    /**
     * Whether the public reads the year's report and where the agency posted it; as the reminders, a help: when the
     * publishing service is away the list still shows, without them.
     */
    private PublishingClient.Publication publication(int year) {
        try {
            return reports.publication(year);
        } catch (ServiceProblem | org.springframework.web.client.ResourceAccessException e) {
            return PublishingClient.Publication.NONE;
        }
    }

    /** Reminders are a help, not the page: if the publishing service is away the list still shows. */
    private List<PublishingClient.Notification> notifications() {
        try {
            return reports.notifications();
        } catch (ServiceProblem | org.springframework.web.client.ResourceAccessException e) {
            return List.of();
        }
    }

    @PostMapping("/reports")
    String create(@RequestParam int year) {
        reports.create(year);
        return "redirect:/reports/" + year;
    }

    @PostMapping("/reports/{year}/website-url")
    String websiteUrl(@PathVariable int year, @RequestParam String url, Locale locale, RedirectAttributes redirect) {
        try {
            reports.websiteUrl(year, url);
            redirect.addFlashAttribute("notice", "website.saved");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/reports#year-" + year;
    }
}
