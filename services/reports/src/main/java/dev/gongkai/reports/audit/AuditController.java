package dev.gongkai.reports.audit;

import dev.gongkai.contract.AuditEntryView;
import dev.gongkai.contract.AuditVerification;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.Years;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of a report and the check that nobody altered the agency's chain behind the service's back. */
@RestController
@RequestMapping("/api/reports/{year}/audit")
class AuditController {

    private final AgencyDsl agencyDsl;
    private final AuditTrail audit;
    private final ReportStore reports;

    AuditController(AgencyDsl agencyDsl, AuditTrail audit, ReportStore reports) {
        this.agencyDsl = agencyDsl;
        this.audit = audit;
        this.reports = reports;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<AuditEntryView> entries(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        var dsl = agencyDsl.of(acting);
        if (!reports.exists(dsl, year)) {
            throw Years.reportNotFound(year);
        }
        return audit.entries(dsl, "report/" + year);
    }

    /** The chain is the agency's, across all years: one altered entry anywhere breaks it. */
    @GetMapping("/verify")
    @Transactional(readOnly = true)
    AuditVerification verify(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        return audit.verify(agencyDsl.of(acting), acting.slug());
    }
}
