package dev.gongkai.reports.drafting;

import dev.gongkai.contract.RevisionDiff;
import dev.gongkai.contract.RevisionView;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.model.AnnualReport;
import dev.gongkai.report.model.CellDefinition;
import dev.gongkai.report.model.Section;
import dev.gongkai.reports.report.Permissions;
import dev.gongkai.reports.report.ReportJson;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.Years;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Every saved revision of a report, and what changed between two of them. */
@RestController
class RevisionController {

    private final AgencyDsl agencyDsl;
    private final ReportStore reports;
    private final dev.gongkai.platform.tenancy.AgencyAccess access;

    RevisionController(AgencyDsl agencyDsl, ReportStore reports, dev.gongkai.platform.tenancy.AgencyAccess access) {
        this.agencyDsl = agencyDsl;
        this.reports = reports;
        this.access = access;
    }

    @GetMapping("/api/reports/{year}/revisions")
    @Transactional(readOnly = true)
    List<RevisionView> revisions(ActingAgency acting, @PathVariable int year) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        DSLContext dsl = agencyDsl.of(acting);
        if (!reports.exists(dsl, year)) {
            throw Years.reportNotFound(year);
        }
        return reports.revisions(dsl, year);
    }

    /** The office reads the same history of an agency of its jurisdiction, e.g. what changed since it returned it. */
    @GetMapping("/api/office/reports/{agency}/{year}/revisions")
    @Transactional(readOnly = true)
    List<RevisionView> officeRevisions(
            dev.gongkai.platform.security.Caller caller,
            @PathVariable dev.gongkai.platform.agency.AgencySlug agency,
            @PathVariable int year) {
        DSLContext dsl = agencyDsl.of(Permissions.supervised(access, caller, agency));
        reports.requireVisibleToOffice(dsl, year);
        return reports.revisions(dsl, year);
    }

    @GetMapping("/api/office/reports/{agency}/{year}/revisions/{a}/diff/{b}")
    @Transactional(readOnly = true)
    RevisionDiff officeDiff(
            dev.gongkai.platform.security.Caller caller,
            @PathVariable dev.gongkai.platform.agency.AgencySlug agency,
            @PathVariable int year,
            @PathVariable int a,
            @PathVariable int b) {
        DSLContext dsl = agencyDsl.of(Permissions.supervised(access, caller, agency));
        reports.requireVisibleToOffice(dsl, year);
        return diff(year, a, b, revision(dsl, year, a), revision(dsl, year, b));
    }

    @GetMapping("/api/reports/{year}/revisions/{a}/diff/{b}")
    @Transactional(readOnly = true)
    RevisionDiff diff(ActingAgency acting, @PathVariable int year, @PathVariable int a, @PathVariable int b) {
        Permissions.requireMember(acting, Permissions.AGENCY_STAFF);
        DSLContext dsl = agencyDsl.of(acting);
        AnnualReport from = revision(dsl, year, a);
        AnnualReport to = revision(dsl, year, b);
        return diff(year, a, b, from, to);
    }

    static RevisionDiff diff(int year, int a, int b, AnnualReport from, AnnualReport to) {
        List<RevisionDiff.CellChange> cells = new ArrayList<>();
        for (CellDefinition cell : from.layout().cells()) {
            String key = cell.key();
            if (from.cellDiffers(to, key)) {
                cells.add(new RevisionDiff.CellChange(
                        key,
                        cell.labelZh(),
                        ReportJson.value(from, key),
                        ReportJson.value(to, key),
                        from.cellState(key),
                        to.cellState(key)));
            }
        }
        List<RevisionDiff.TextChange> narrative = new ArrayList<>();
        for (Section section : Section.NARRATIVES) {
            if (!Objects.equals(from.narrative(section), to.narrative(section))) {
                narrative.add(new RevisionDiff.TextChange(
                        section.key(), section.titleZh(), from.narrative(section), to.narrative(section)));
            }
        }
        return new RevisionDiff(year, a, b, cells, narrative);
    }

    private AnnualReport revision(DSLContext dsl, int year, int revision) {
        return reports.revision(dsl, year, revision)
                .orElseThrow(() -> new ApiException(ProblemCode.REPORT_REVISION_NOT_FOUND, year, revision));
    }
}
