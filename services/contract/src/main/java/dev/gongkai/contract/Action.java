package dev.gongkai.contract;

import static dev.gongkai.contract.ReportStatus.APPROVED;
import static dev.gongkai.contract.ReportStatus.DRAFT;
import static dev.gongkai.contract.ReportStatus.PENDING_SIGNOFF;
import static dev.gongkai.contract.ReportStatus.PUBLISHED;
import static dev.gongkai.contract.ReportStatus.RETURNED;
import static dev.gongkai.contract.ReportStatus.SUBMITTED;
import static dev.gongkai.contract.Role.AGENCY_APPROVER;
import static dev.gongkai.contract.Role.AGENCY_EDITOR;
import static dev.gongkai.contract.Role.OFFICE_ADMIN;
import static dev.gongkai.contract.Role.OFFICE_REVIEWER;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The workflow's transitions: who may take them, from where, to where. Declared once. */
public enum Action {
    REQUEST_SIGNOFF("request-signoff", false, EnumSet.of(DRAFT, RETURNED), PENDING_SIGNOFF, false, AGENCY_EDITOR),
    SUBMIT("submit", false, EnumSet.of(DRAFT, RETURNED, PENDING_SIGNOFF), SUBMITTED, false, AGENCY_APPROVER),
    WITHDRAW("withdraw", false, EnumSet.of(PENDING_SIGNOFF), DRAFT, false, AGENCY_EDITOR, AGENCY_APPROVER),
    RETURN("return", true, EnumSet.of(SUBMITTED), RETURNED, true, OFFICE_REVIEWER),
    APPROVE("approve", true, EnumSet.of(SUBMITTED), APPROVED, false, OFFICE_REVIEWER),
    PUBLISH("publish", true, EnumSet.of(APPROVED), PUBLISHED, false, OFFICE_ADMIN),
    CORRECT("correct", true, EnumSet.of(PUBLISHED), DRAFT, true, OFFICE_ADMIN);

    private final String code;
    private final boolean office;
    private final Set<ReportStatus> from;
    private final ReportStatus to;
    private final boolean reasonRequired;
    private final Set<Role> roles;

    Action(
            String code,
            boolean office,
            Set<ReportStatus> from,
            ReportStatus to,
            boolean reasonRequired,
            Role... roles) {
        this.code = code;
        this.office = office;
        this.from = from;
        this.to = to;
        this.reasonRequired = reasonRequired;
        this.roles = Set.of(roles);
    }

    public static Optional<Action> ofCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }

    /** As the API, the audit trail and the events spell it. */
    @JsonValue
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

    /** Any one of these may take it. */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether the report's status allows it (the caller's roles are a separate question). */
    public boolean allowedFrom(ReportStatus status) {
        return from.contains(status);
    }

    /** What a caller holding {@code roles} may do with a report in {@code status}, in declaration order. */
    public static List<Action> available(ReportStatus status, Set<Role> roles) {
        return Arrays.stream(values())
                .filter(a -> a.allowedFrom(status) && a.roles.stream().anyMatch(roles::contains))
                .toList();
    }
}
