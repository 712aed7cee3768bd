package dev.gongkai.reports.workflow;

import dev.gongkai.platform.security.Roles;
import dev.gongkai.reports.report.ReportStatus;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static dev.gongkai.reports.report.ReportStatus.APPROVED;
import static dev.gongkai.reports.report.ReportStatus.DRAFT;
import static dev.gongkai.reports.report.ReportStatus.PENDING_SIGNOFF;
import static dev.gongkai.reports.report.ReportStatus.PUBLISHED;
import static dev.gongkai.reports.report.ReportStatus.RETURNED;
import static dev.gongkai.reports.report.ReportStatus.SUBMITTED;

/** The workflow's transitions: who may take them, from where, to where. Declared once. */
public enum Action {
    REQUEST_SIGNOFF("request-signoff", false, EnumSet.of(DRAFT, RETURNED), PENDING_SIGNOFF, false, Roles.AGENCY_EDITOR),
    SUBMIT("submit", false, EnumSet.of(DRAFT, RETURNED, PENDING_SIGNOFF), SUBMITTED, false, Roles.AGENCY_APPROVER),
    WITHDRAW("withdraw", false, EnumSet.of(PENDING_SIGNOFF), DRAFT, false, Roles.AGENCY_EDITOR, Roles.AGENCY_APPROVER),
    RETURN("return", true, EnumSet.of(SUBMITTED), RETURNED, true, Roles.OFFICE_REVIEWER),
    APPROVE("approve", true, EnumSet.of(SUBMITTED), APPROVED, false, Roles.OFFICE_REVIEWER),
    PUBLISH("publish", true, EnumSet.of(APPROVED), PUBLISHED, false, Roles.OFFICE_ADMIN),
    CORRECT("correct", true, EnumSet.of(PUBLISHED), DRAFT, true, Roles.OFFICE_ADMIN);

    private final String code;
    private final boolean office;
    private final Set<ReportStatus> from;
    private final ReportStatus to;
    private final boolean reasonRequired;
    private final String[] roles;

    Action(String code, boolean office, Set<ReportStatus> from, ReportStatus to, boolean reasonRequired,
           String... roles) {
        this.code = code;
        this.office = office;
        this.from = from;
        this.to = to;
        this.reasonRequired = reasonRequired;
        this.roles = roles;
    }

    public static Optional<Action> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    /** Taken by the disclosure office (through /api/office/…) rather than by the agency. */
    public boolean office() {
        return office;
    }

    public Set<ReportStatus> from() {
        return from;
    }

    public ReportStatus to() {
        return to;
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }

    public String[] roles() {
        return roles;
    }
}
