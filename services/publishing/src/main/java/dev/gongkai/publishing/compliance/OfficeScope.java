package dev.gongkai.publishing.compliance;

import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
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
        return slugs.stream()
                .sorted()
                .map(s -> registry.findJurisdiction(s).orElseThrow(() -> officeOnly()))
                .toList();
    }

    /**
     * The one jurisdiction a request is about: the requested one if the caller supervises it (else 404, as for a
     * jurisdiction that does not exist), or the caller's only top one (the office's own; those below it follow).
     */
    public Jurisdiction one(Caller caller, String requested) {
        List<Jurisdiction> mine = jurisdictions(caller);
        if (requested != null && !requested.isBlank()) {
            return mine.stream()
                    .filter(j -> j.slug().value().equals(requested.trim()))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(ProblemCode.JURISDICTION_NOT_FOUND, requested));
        }
        List<Jurisdiction> top = mine.stream()
                .filter(j -> mine.stream().noneMatch(m -> m.slug().equals(j.parent())))
                .toList();
        if (top.size() > 1) {
            throw new ApiException(ProblemCode.JURISDICTION_AMBIGUOUS).atField("jurisdiction");
        }
        return top.getFirst();
    }

    /** Every jurisdiction below this one, at any depth (not the jurisdiction itself). */
    public List<Jurisdiction> below(Jurisdiction jurisdiction) {
        return registry.withDescendants(jurisdiction.slug()).stream()
                .skip(1)
                .map(s -> registry.findJurisdiction(s).orElseThrow())
                .toList();
    }

    /** The office's head only (office-admin), e.g. to change the scorecard pack. */
    public void requireAdmin(Caller caller) {
        if (!caller.hasRole(Roles.OFFICE_ADMIN)) {
            throw new ApiException(ProblemCode.ACCESS_DENIED).variant("office-admin");
        }
    }

    /** The agencies that report in a jurisdiction: every registered agency except archived ones, by slug. */
    public List<Agency> reportingAgencies(Jurisdiction jurisdiction) {
        return registry.inJurisdiction(jurisdiction.slug()).stream()
                .filter(a -> a.status() != AgencyStatus.ARCHIVED)
                .toList();
    }

    private static ApiException officeOnly() {
        return new ApiException(ProblemCode.ACCESS_DENIED).variant("office-staff");
    }

    /** A year parameter within reason (reports exist from 2008; nobody reports on the far future). */
    public static int year(Integer year) {
        if (year == null) {
            throw new ApiException(ProblemCode.YEAR_REQUIRED).atField("year");
        }
        if (year < 2008 || year > 2100) {
            throw new ApiException(ProblemCode.YEAR_INVALID, year).atField("year");
        }
        return year;
    }
}
