package dev.gongkai.console.office;

import dev.gongkai.console.services.ServiceProblem;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.China;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The office's reminders (催报) on the publishing service: every agency that has not submitted, or has been
 * reminded, with its reminder history; a reminder by hand to one agency or to every late one (confirmed, then
 * post/redirect/get, each form with an idempotency key of its own so a resent form reminds nobody twice); and the
 * office-admin's schedule for reminders after the deadline.
 */
@Controller
class RemindersController {

    private final Services services;
    private final JsonMapper json;

    RemindersController(Services services, JsonMapper json) {
        this.services = services;
        this.json = json;
    }

    /**
     * One reminder as the history lists it, by hand by {@code sentBy} (a username) whom people read as
     * {@code sentByName} of {@code sentByAgency} (王晓梅（乌海市政务公开办）).
     */
    record Sent(
            String createdAt,
            String kind,
            String messageZh,
            String messageEn,
            String sentBy,
            String sentByName,
            String sentByAgency,
            String delivery) {}

    /** @param remind the agency has not submitted: a reminder may be sent */
    record Line(
            String agency,
            String nameZh,
            String status,
            String compliance,
            Integer daysLeft,
            Integer daysLate,
            boolean remind,
            List<Sent> reminders) {}

    /** The reminders run covers last year's reports: those are the ones due (or late) this year. */
    static int remindingYear() {
        return LocalDate.now(China.ZONE).getYear() - 1;
    }

    @GetMapping("/office/reminders")
    String reminders(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : remindingYear();
        JsonNode compliance = services.publishing()
                .get()
                .uri("/api/office/compliance?year={year}", shown)
                .retrieve()
                .body(JsonNode.class);
        JsonNode notifications = services.publishing()
                .get()
                .uri("/api/office/notifications?year={year}", shown)
                .retrieve()
                .body(JsonNode.class)
                .path("notifications");
        Map<String, List<Sent>> history = new LinkedHashMap<>();
        for (JsonNode n : notifications) {
            history.computeIfAbsent(n.path("agency").asString(), a -> new ArrayList<>())
                    .add(new Sent(
                            n.path("createdAt").asString(""),
                            n.path("kind").asString(),
                            n.path("messageZh").asString(""),
                            n.path("messageEn").asString(""),
                            n.path("sentBy").asString(null),
                            n.path("sentByName").asString(null),
                            n.path("sentByAgency").asString(null),
                            n.path("webhookStatus").asString()));
        }
        List<Line> lines = new ArrayList<>();
        long late = 0;
        for (JsonNode r : compliance.path("agencies")) {
            String agency = r.path("agency").asString();
            boolean remind = r.path("notSubmitted").asBoolean(false);
            List<Sent> sent = history.getOrDefault(agency, List.of());
            if (!remind && sent.isEmpty()) {
                continue;
            }
            if (remind && "OVERDUE".equals(r.path("compliance").asString())) {
                late++;
            }
            lines.add(new Line(
                    agency,
                    r.path("nameZh").asString(),
                    r.path("status").asString(),
                    r.path("compliance").asString(),
                    integer(r.path("daysLeft")),
                    integer(r.path("daysLate")),
                    remind,
                    sent));
        }
        model.addAttribute("year", shown);
        model.addAttribute("lines", lines);
        model.addAttribute("late", late);
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        try {
            JsonNode schedule = services.publishing()
                    .get()
                    .uri("/api/office/reminder-schedule")
                    .retrieve()
                    .body(JsonNode.class);
            model.addAttribute("everyDays", schedule.path("overdueEveryDays").asInt());
            model.addAttribute("scheduleDefaults", schedule.path("defaults").asBoolean(true));
            model.addAttribute("scheduleUpdatedBy", schedule.path("updatedBy").asString(null));
            model.addAttribute(
                    "scheduleUpdatedByName", schedule.path("updatedByName").asString(null));
            model.addAttribute(
                    "scheduleUpdatedByAgency", schedule.path("updatedByAgency").asString(null));
            model.addAttribute("scheduleUpdatedAt", schedule.path("updatedAt").asString(""));
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
        ObjectNode request = json.createObjectNode().put("year", year);
        if (agency != null && !agency.isBlank()) {
            request.put("agency", agency.strip());
        } else {
            request.put("allLate", true);
        }
        try {
            JsonNode sent = services.publishing()
                    .post()
                    .uri("/api/office/reminders")
                    .header("Idempotency-Key", idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .body(JsonNode.class);
            redirect.addFlashAttribute("sentCount", sent.path("created").asInt());
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/reminders?year=" + year;
    }

    @PostMapping("/office/reminder-schedule")
    String schedule(
            @RequestParam int year, @RequestParam String everyDays, Locale locale, RedirectAttributes redirect) {
        ObjectNode request = json.createObjectNode();
        try {
            request.put("overdueEveryDays", Integer.parseInt(everyDays.strip()));
        } catch (NumberFormatException e) {
            request.putNull("overdueEveryDays");
        }
        try {
            services.publishing()
                    .put()
                    .uri("/api/office/reminder-schedule")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(request)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", "reminders.scheduleSaved");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("error", problem.message(locale));
        }
        return "redirect:/office/reminders?year=" + year + "#schedule";
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }
}
