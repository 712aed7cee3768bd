package dev.gongkai.console.branches;

import dev.gongkai.console.security.ConsoleUser;
import dev.gongkai.console.services.Services;
import dev.gongkai.console.services.TenantsClient;
import dev.gongkai.contract.BranchProgress;
import dev.gongkai.contract.China;
import dev.gongkai.contract.ComplianceRow;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.report.rules.ReportCycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 下属单位: a parent agency's admin or approver watching its branches' reports of a year on the publishing service's
 * {@code /api/branches}: status, findings counted, dates and lateness, never a link into a branch's drafts. When the
 * platform admin lets this agency's admins manage its branches' users, its admins also get a link to each branch's
 * users.
 */
@Controller
class BranchesController {

    private final BranchesClient branches;
    private final TenantsClient tenants;

    BranchesController(Services services) {
        this.branches = BranchesClient.of(services);
        this.tenants = TenantsClient.of(services);
    }

    /**
     * @param status   the workflow status, null when the branch has no report for the year
     * @param lateness {@code LATE} (published late), {@code OVERDUE} (unpublished past the deadline) or null
     */
    record Row(
            String agency,
            String nameZh,
            ReportStatus status,
            int errors,
            int warnings,
            String submittedAt,
            String publishedAt,
            ComplianceRow.Compliance lateness) {}

    @GetMapping("/branches")
    String branches(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : ReportCycle.drafting(ReportCycle.today());
        List<Row> rows = new ArrayList<>();
        for (BranchProgress b : branches.branches(shown).branches()) {
            ComplianceRow.Compliance lateness =
                    b.late() ? ComplianceRow.Compliance.LATE : b.overdue() ? ComplianceRow.Compliance.OVERDUE : null;
            rows.add(new Row(
                    b.agency(),
                    b.nameZh(),
                    b.status(),
                    b.errors(),
                    b.warnings(),
                    day(b.submittedAt()),
                    day(b.publishedAt()),
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
                && tenants.acting().branchUsersDelegated();
    }

    static String day(Instant instant) {
        return China.day(instant);
    }
}
