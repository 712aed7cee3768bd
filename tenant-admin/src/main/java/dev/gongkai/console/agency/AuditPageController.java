package dev.gongkai.console.agency;

import dev.gongkai.contract.AuditEntryView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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
     * One entry: {@code action} as the service records it (report.submit, attachment.add …), {@code subject} the
     * file or reason it concerns (null when none), {@code cells} how many cells an edit changed.
     */
    record Line(AuditEntryView entry, String subject, int cells) {}

    @GetMapping("/reports/{year}/audit")
    String audit(@PathVariable int year, Model model) {
        List<Line> lines = new ArrayList<>();
        for (AuditEntryView entry : reports.audit(year)) {
            String subject = entry.fileName() != null ? entry.fileName() : entry.reason();
            // An edit or import names the cells it changed; a new draft names the cells carried over, not changes.
            lines.add(new Line(entry, subject, EDITS.contains(entry.action()) ? entry.cellCount() : 0));
        }
        model.addAttribute("year", year);
        model.addAttribute("entries", lines.reversed());
        model.addAttribute("check", reports.auditVerify(year));
        return "agency/audit";
    }
}
