package dev.gongkai.reports.audit;

import dev.gongkai.contract.WorkflowStepView;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportStore;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workflow steps of a submitted report from its audit trail, for the office's review page: who created it, who
 * requested sign-off, who signed off and submitted it, who returned, approved, published or corrected it, when, and
 * the reason given. Only the steps: what an editor typed into the draft stays in the agency's own history.
 */
@RestController
class WorkflowStepsController {

    private static final String PREFIX = "report.";

    private final AgencyAccess access;
    private final AgencyDsl agencyDsl;
    private final AuditTrail audit;
    private final ReportStore reports;

    WorkflowStepsController(AgencyAccess access, AgencyDsl agencyDsl, AuditTrail audit, ReportStore reports) {
        this.access = access;
        this.agencyDsl = agencyDsl;
        this.audit = audit;
        this.reports = reports;
    }

    @GetMapping("/api/office/reports/{agency}/{year}/steps")
    @Transactional(readOnly = true)
    List<WorkflowStepView> steps(Caller caller, @PathVariable AgencySlug agency, @PathVariable int year) {
        ActingAgency acting = Permissions.supervised(access, caller, agency);
        var dsl = agencyDsl.of(acting);
        reports.requireVisibleToOffice(dsl, year);
        return audit.entries(dsl, "report/" + year).stream()
                .filter(e -> e.target().equals("report/" + year)
                        && e.action().startsWith(PREFIX)
                        && !e.action().equals("report.edit"))
                .map(e -> new WorkflowStepView(
                        e.at(),
                        e.actor(),
                        e.actorName(),
                        e.actorAgency(),
                        e.action().substring(PREFIX.length()),
                        e.reason()))
                .toList();
    }
}
