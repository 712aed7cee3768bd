package dev.gongkai.publishing.compliance;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencyStatus;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.tenancy.AgencyAccess;

import java.util.List;

/**
 * Which jurisdictions an office endpoint may show: those the caller supervises as disclosure-office staff, never
 * another. Agency staff (no office role, or no office membership) are refused with 403 on every office endpoint.
 */
public class OfficeScope {

    private final AgencyAccess access;
    private final AgencyRegistry registry;

    public OfficeScope(AgencyAccess access, AgencyRegistry registry) {
        this.access = access;
        this.registry = registry;
    }

    /** The caller's supervised jurisdictions (at least one), or 403. */
    public List<Jurisdiction> jurisdictions(Caller caller) {
        List<JurisdictionSlug> slugs = access.supervisedJurisdictions(caller);
        if (slugs.isEmpty()) {
            throw officeOnly();
        }
        return slugs.stream().sorted().map(s -> registry.findJurisdiction(s).orElseThrow(() -> officeOnly())).toList();
    }

    /**
     * The one jurisdiction a request is about: the requested one if the caller supervises it (else 404, as for a
     * jurisdiction that does not exist), or the caller's only one.
     */
    public Jurisdiction one(Caller caller, String requested) {
        List<Jurisdiction> mine = jurisdictions(caller);
        if (requested != null && !requested.isBlank()) {
            return mine.stream().filter(j -> j.slug().value().equals(requested.trim())).findFirst()
                    .orElseThrow(() -> new ApiException(ProblemCode.JURISDICTION_NOT_FOUND, requested));
        }
        if (mine.size() > 1) {
            throw ApiException.badRequest("jurisdiction.ambiguous", "您监管多个辖区，请用 jurisdiction 参数指定",
                    "You supervise several jurisdictions; choose one with the jurisdiction parameter")
                    .atField("jurisdiction");
        }
        return mine.getFirst();
    }

    /** The office's head only (office-admin), e.g. to change the scorecard pack. */
    public void requireAdmin(Caller caller) {
        if (!caller.hasRole(Roles.OFFICE_ADMIN)) {
            throw ApiException.forbidden("access.denied", "只有政务公开办负责人（office-admin）可以执行此操作",
                    "Only the office's administrator (office-admin) may do this");
        }
    }

    /** The agencies that report in a jurisdiction: every registered agency except archived ones, by slug. */
    public List<Agency> reportingAgencies(Jurisdiction jurisdiction) {
        return registry.inJurisdiction(jurisdiction.slug()).stream()
                .filter(a -> a.status() != AgencyStatus.ARCHIVED).toList();
    }

    private static ApiException officeOnly() {
        return ApiException.forbidden("access.denied", "仅政务公开办工作人员可以查看", "Only disclosure-office staff may see this");
    }

    /** A year parameter within reason (reports exist from 2008; nobody reports on the far future). */
    public static int year(Integer year) {
        if (year == null) {
            throw ApiException.badRequest("year.required", "请用 year 参数指定报告年度", "Name the report year (year)")
                    .atField("year");
        }
        if (year < 2008 || year > 2100) {
            throw ApiException.badRequest("year.invalid", "报告年度 " + year + " 无效", "Report year " + year + " is invalid")
                    .atField("year");
        }
        return year;
    }
}
