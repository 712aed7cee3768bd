package dev.gongkai.reports.review;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.SubmissionRow;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.AgencyAccess;
import dev.gongkai.platform.tenancy.AgencyDsl;
import dev.gongkai.report.rules.ReportCycle;
import dev.gongkai.reports.report.ReportStore;
import dev.gongkai.reports.report.StoredReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** The office's view of one year across the agencies of its jurisdiction. */
@Service
class Submissions {

    private static final Logger log = LoggerFactory.getLogger(Submissions.class);

    private final AgencyAccess access;
    private final AgencyRegistry registry;
    private final AgencyDsl agencyDsl;
    private final ReportStore reports;

    Submissions(AgencyAccess access, AgencyRegistry registry, AgencyDsl agencyDsl, ReportStore reports) {
        this.access = access;
        this.registry = registry;
        this.agencyDsl = agencyDsl;
        this.reports = reports;
    }

    /**
     * One row per agency of the caller's jurisdictions, sorted by deadline (departments 31 January, the compiled
     * government report 31 March), then by agency. One query per agency schema: jurisdictions have tens of
     * agencies; a cross-agency read model in core is the way beyond that.
     */
    List<SubmissionRow> list(Caller caller, int year, Optional<SubmissionRow.State> status) {
        List<JurisdictionSlug> jurisdictions = access.supervisedJurisdictions(caller);
        if (jurisdictions.isEmpty()) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("submissions");
        }
        List<SubmissionRow> rows = new ArrayList<>();
        for (JurisdictionSlug jurisdiction : jurisdictions) {
            for (Agency agency : registry.inJurisdiction(jurisdiction)) {
                if (!agency.isActive()) {
                    continue;
                }
                LocalDate deadline = ReportCycle.deadline(year, agency.kind() == AgencyKind.DISCLOSURE_OFFICE);
                Optional<StoredReport> report;
                try {
                    report = reports.find(agencyDsl.of(agency.slug()), year);
                } catch (DataAccessException e) {
                    log.warn("Agency {} has no readable schema yet: {}", agency.slug(), e.getMessage());
                    report = Optional.empty();
                }
                SubmissionRow row = report.map(r -> new SubmissionRow(
                                agency.slug().value(),
                                agency.nameZh(),
                                jurisdiction.value(),
                                year,
                                SubmissionRow.State.of(r.status()),
                                r.revision(),
                                deadline,
                                r.submittedAt(),
                                r.updatedAt(),
                                r.publishedAt(),
                                r.correctionPending()))
                        .orElseGet(() -> new SubmissionRow(
                                agency.slug().value(),
                                agency.nameZh(),
                                jurisdiction.value(),
                                year,
                                SubmissionRow.State.NOT_STARTED,
                                null,
                                deadline,
                                null,
                                null,
                                null,
                                false));
                if (status.isEmpty() || status.get() == row.status()) {
                    rows.add(row);
                }
            }
        }
        rows.sort(Comparator.comparing(SubmissionRow::deadline).thenComparing(SubmissionRow::agency));
        return rows;
    }

    /** The queue's state the {@code status} parameter names, if any; an unknown name is the caller's mistake. */
    static Optional<SubmissionRow.State> status(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SubmissionRow.State.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemCode.SUBMISSIONS_STATUS_UNKNOWN, status).atField("status");
        }
    }
}
