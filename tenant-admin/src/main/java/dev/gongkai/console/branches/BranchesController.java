package dev.gongkai.console.branches;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.Services;
import dev.gongkai.contract.China;
import dev.gongkai.report.rules.ReportCycle;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * 下属单位: a parent agency's admin or approver watching its branches' reports of a year on the publishing service's
 * {@code /api/branches}: status, findings counted, dates and lateness, never a link into a branch's drafts. When the
 * platform admin lets this agency's admins manage its branches' users, its admins also get a link to each branch's
 * users.
 */
@Controller
class BranchesController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Services services;

    BranchesController(Services services) {
        this.services = services;
    }

    /**
     * @param status   the workflow status, null when the branch has no report for the year
     * @param lateness {@code LATE} (published late), {@code OVERDUE} (unpublished past the deadline) or null
     */
    record Row(
            String agency,
            String nameZh,
            String status,
            int errors,
            int warnings,
            String submittedAt,
            String publishedAt,
            String lateness) {}

    @GetMapping("/branches")
    String branches(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : ReportCycle.drafting(ReportCycle.today());
        JsonNode body = services.publishing()
                .get()
                .uri("/api/branches?year={year}", shown)
                .retrieve()
                .body(JsonNode.class);
        List<Row> rows = new ArrayList<>();
        for (JsonNode b : body.path("branches")) {
            String lateness =
                    b.path("late").asBoolean(false) ? "LATE" : b.path("overdue").asBoolean(false) ? "OVERDUE" : null;
            rows.add(new Row(
                    b.path("agency").asString(),
                    b.path("nameZh").asString(),
                    b.path("status").isString() ? b.path("status").asString() : null,
                    b.path("errors").asInt(),
                    b.path("warnings").asInt(),
                    day(b.path("submittedAt")),
                    day(b.path("publishedAt")),
                    lateness));
        }
        model.addAttribute("manageUsers", managesBranchUsers());
        model.addAttribute("year", shown);
        model.addAttribute("rows", rows);
        return "agency/branches";
    }

    /** An admin of the acting agency, whose admins manage the branches' users (the tenants service says so). */
    private boolean managesBranchUsers() {
        ConsoleUser user = ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication());
        return user != null
                && user.has(ConsoleUser.AGENCY_ADMIN)
                && services.tenants()
                        .get()
                        .uri("/api/agencies/me")
                        .retrieve()
                        .body(JsonNode.class)
                        .path("branchUsersDelegated")
                        .asBoolean(false);
    }

    static String day(JsonNode instant) {
        return instant.isString()
                ? Instant.parse(instant.asString()).atZone(China.ZONE).format(DAY)
                : "";
    }
}
