package dev.gongkai.reports.report;

import dev.gongkai.contract.Action;
import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.ReportStatus;
import dev.gongkai.contract.Role;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyAccess;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Who may do what with reports, on top of the platform's tenancy (which already refused foreign agencies). */
public final class Permissions {

    private Permissions() {}

    /** Agency endpoints are for the agency's own staff; the office has its own endpoints. */
    public static void requireMember(ActingAgency acting, String... anyRole) {
        if (acting.viaOffice()) {
            throw new ApiException(ProblemCode.REPORT_OFFICE_USE_OFFICE_API);
        }
        requireRole(acting.caller(), anyRole);
    }

    public static void requireRole(Caller caller, String... anyRole) {
        if (Arrays.stream(anyRole).noneMatch(caller::hasRole)) {
            throw new ApiException(ProblemCode.ACCESS_DENIED, List.of(anyRole)).variant("needs-role");
        }
    }

    /**
     * The workflow actions this caller may take on a report in {@code status} through the agency API
     * ({@code office} false) or the office API, so that no client re-encodes the transition table.
     */
    public static Set<Action> allowedActions(Caller caller, ReportStatus status, boolean office) {
        Set<Role> roles = Arrays.stream(Role.values())
                .filter(r -> caller.hasRole(r.code()))
                .collect(Collectors.toUnmodifiableSet());
        // An EnumSet keeps the workflow's order.
        return Action.available(status, roles).stream()
                .filter(a -> a.office() == office)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
    }

    /** Reading an agency's reports: any of its staff roles. */
    public static final String[] AGENCY_STAFF = {Roles.AGENCY_EDITOR, Roles.AGENCY_APPROVER, Roles.AGENCY_ADMIN};

    /**
     * An agency named in an office URL: only disclosure-office staff of its jurisdiction reach it; anyone else is
     * told it does not exist, exactly like an agency that does not.
     */
    public static ActingAgency supervised(AgencyAccess access, Caller caller, AgencySlug agency) {
        if (!caller.hasOfficeRole()) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("office-only");
        }
        ActingAgency acting = access.resolve(caller, Optional.of(agency)).orElseThrow();
        if (!acting.viaOffice()
                && acting.agency().kind() != AgencyKind.DISCLOSURE_OFFICE
                && !access.supervisedJurisdictions(caller)
                        .contains(acting.agency().jurisdiction())) {
            throw AgencyRegistry.notFound(agency.value());
        }
        return acting;
    }
}
