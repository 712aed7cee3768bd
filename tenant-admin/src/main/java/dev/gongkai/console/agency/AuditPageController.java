package dev.gongkai.console.agency;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of a report year as people read it — every entry, newest first, with what was done, by whom and
 * when — and the check of the agency's hash chain and its checkpoint (完整 / 被篡改 at entry n).
 */
@Controller
class AuditPageController {

    private static final java.util.Set<String> EDITS = java.util.Set.of("report.edit", "report.import");

    private final ReportsApi reports;

    AuditPageController(ReportsApi reports) {
        this.reports = reports;
    }

    /**
     * One entry: {@code actorName} the actor's full name when the service kept it, {@code action} as the service
     * records it (report.submit, attachment.add …), {@code subject} the file or reason it concerns (null when none),
     * {@code cells} how many cells an edit changed.
     */
    record Line(long id, String at, String actor, String actorName, String action, String subject, int cells) {
    }

    @GetMapping("/reports/{year}/audit")
    String audit(@PathVariable int year, Model model) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode entry : reports.audit(year)) {
            JsonNode after = entry.path("after");
            JsonNode before = entry.path("before");
            String subject = after.path("fileName").asString(before.path("fileName").asString(
                    after.path("reason").asString(null)));
            String action = entry.path("action").asString("");
            // An edit or import names the cells it changed; a new draft names the cells carried over, not changes.
            int cells = EDITS.contains(action) ? after.path("cells").size() : 0;
            lines.add(new Line(entry.path("id").asLong(), entry.path("at").asString(), entry.path("actor").asString(""),
                    entry.path("actorName").asString(null), action, subject, cells));
        }
        model.addAttribute("year", year);
        model.addAttribute("entries", lines.reversed());
        model.addAttribute("check", reports.auditVerify(year));
        return "agency/audit";
    }
}
