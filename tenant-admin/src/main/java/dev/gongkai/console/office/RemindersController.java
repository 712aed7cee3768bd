package dev.gongkai.console.office;

import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.ComplianceView;
import dev.gongkai.contract.ReminderRequest;
import dev.gongkai.contract.ReminderSchedule;
import dev.gongkai.contract.ReminderScheduleRequest;
import dev.gongkai.contract.ReminderView;
import dev.gongkai.contract.RemindersSent;
import dev.gongkai.contract.SubmissionRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The office's reminders (催报) on the publishing service: every agency that has not submitted, or has been
 * reminded, with its reminder history; a reminder by hand to one agency or to every late one (confirmed, then
 * post/redirect/get, each form with an idempotency key of its own so a resent form reminds nobody twice); and the
 * office-admin's schedule for reminders after the deadline.
 */
@Controller
class RemindersController {

    private final OfficePublishingClient publishing;

    RemindersController(Services services) {
        this.publishing = OfficePublishingClient.of(services);
    }

    /** @param remind the agency has not submitted: a reminder may be sent */
    record Line(
            String agency,
            String nameZh,
            SubmissionRow.State status,
            ComplianceRow.Compliance compliance,
            Integer daysLeft,
            Integer daysLate,
            boolean remind,
            List<ReminderView> reminders) {}

    /** The reminders run covers last year's reports: those are the ones due (or late) this year. */
    static int remindingYear() {
        return LocalDate.now(China.ZONE).getYear() - 1;
    }

    @GetMapping("/office/reminders")
    String reminders(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : remindingYear();
        ComplianceView compliance = publishing.compliance(shown);
        Map<String, List<ReminderView>> history = new LinkedHashMap<>();
        for (ReminderView n : publishing.notifications(shown).notifications()) {
            history.computeIfAbsent(n.agency(), a -> new ArrayList<>()).add(n);
        }
        List<Line> lines = new ArrayList<>();
        long late = 0;
        for (ComplianceRow r : compliance.agencies()) {
            boolean remind = r.notSubmitted();
            List<ReminderView> sent = history.getOrDefault(r.agency(), List.of());
            if (!remind && sent.isEmpty()) {
                continue;
            }
            if (remind && r.compliance() == ComplianceRow.Compliance.OVERDUE) {
                late++;
            }
            lines.add(new Line(
                    r.agency(), r.nameZh(), r.status(), r.compliance(), r.daysLeft(), r.daysLate(), remind, sent));
        }
        model.addAttribute("year", shown);
        model.addAttribute("lines", lines);
        model.addAttribute("late", late);
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        try {
            ReminderSchedule schedule = publishing.schedule();
            model.addAttribute("everyDays", schedule.overdueEveryDays());
            model.addAttribute("scheduleDefaults", schedule.defaults());
            model.addAttribute("scheduleUpdatedBy", schedule.updatedBy());
            model.addAttribute("scheduleUpdatedByName", schedule.updatedByName());
            model.addAttribute("scheduleUpdatedByAgency", schedule.updatedByAgency());
            model.addAttribute("scheduleUpdatedAt", schedule.updatedAt());
        } catch (ServiceProblem problem) {
            // Several jurisdictions (the service asks which): the lists still show, the schedule does not.
            model.addAttribute("scheduleProblem", problem);
        }
        return "office/reminders";
    }

    /** A reminder by hand: {@code agency} names one agency, else every late one is reminded. */
    @PostMapping("/office/reminders")
    String send(
            @RequestParam int year,
            @RequestParam(required = false) String agency,
            @RequestParam String idempotencyKey,
            Locale locale,
            RedirectAttributes redirect) {
        ReminderRequest request = agency != null && !agency.isBlank()
                ? ReminderRequest.to(year, agency.strip())
                : ReminderRequest.toAllLate(year);
        try {
            RemindersSent sent = publishing.remind(idempotencyKey, request);
            redirect.addFlashAttribute("sentCount", sent.created());
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/reminders?year=" + year;
    }

    @PostMapping("/office/reminder-schedule")
    String schedule(
            @RequestParam int year, @RequestParam String everyDays, Locale locale, RedirectAttributes redirect) {
        Integer days;
        try {
            days = Integer.parseInt(everyDays.strip());
        } catch (NumberFormatException e) {
            // The service refuses a missing interval and names the field.
            days = null;
        }
        try {
            publishing.saveSchedule(new ReminderScheduleRequest(null, days));
            redirect.addFlashAttribute("notice", "reminders.scheduleSaved");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/reminders?year=" + year + "#schedule";
    }
}
