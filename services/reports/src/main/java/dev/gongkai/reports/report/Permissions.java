package dev.gongkai.reports.report;

import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.ActingAgency;
import dev.gongkai.platform.tenancy.AgencyAccess;

import java.util.Arrays;
import java.util.Optional;

/** Who may do what with reports, on top of the platform's tenancy (which already refused foreign agencies). */
public final class Permissions {

    private Permissions() {
    }

    /** Agency endpoints are for the agency's own staff; the office has its own endpoints. */
    public static void requireMember(ActingAgency acting, String... anyRole) {
        if (acting.viaOffice()) {
            throw ApiException.forbidden("report.office-use-office-api",
                    "政务公开办请通过审核接口（/api/office/…）查看和处理报告",
                    "The disclosure office works on reports through /api/office/…");
        }
        requireRole(acting.caller(), anyRole);
    }

    public static void requireRole(Caller caller, String... anyRole) {
        if (Arrays.stream(anyRole).noneMatch(caller::hasRole)) {
            throw ApiException.forbidden("access.denied",
                    "您的角色不能执行此操作（需要 " + String.join(" 或 ", anyRole) + "）",
                    "Your role does not allow this (needs " + String.join(" or ", anyRole) + ")");
        }
    }

    /** Reading an agency's reports: any of its staff roles. */
    public static final String[] AGENCY_STAFF = {Roles.AGENCY_EDITOR, Roles.AGENCY_APPROVER, Roles.AGENCY_ADMIN};

    /**
     * An agency named in an office URL: only disclosure-office staff of its jurisdiction reach it; anyone else is
     * told it does not exist, exactly like an agency that does not.
     */
    public static ActingAgency supervised(AgencyAccess access, Caller caller, AgencySlug agency) {
        if (!caller.hasOfficeRole()) {
            throw ApiException.forbidden("access.denied", "仅政务公开办工作人员可以使用审核接口",
                    "Only disclosure-office staff may use the review API");
        }
        ActingAgency acting = access.resolve(caller, Optional.of(agency)).orElseThrow();
        if (!acting.viaOffice() && acting.agency().kind() != AgencyKind.DISCLOSURE_OFFICE
                && !access.supervisedJurisdictions(caller).contains(acting.agency().jurisdiction())) {
            throw AgencyRegistry.notFound(agency.value());
        }
        return acting;
    }
}
