package dev.gongkai.platform.tenancy;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.AgencyStatus;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;

import java.util.List;
import java.util.Optional;

/**
 * The tenancy rules, in one place:
 * <ul>
 *   <li>a member acts on the agencies their token names (picking one with {@code X-Agency} if several);</li>
 *   <li>disclosure-office staff (office roles, member of a DISCLOSURE_OFFICE agency) may also act on the agencies
 *       of that office's jurisdiction and of every jurisdiction below it (a city's office guides its districts, and
 *       a district without an office of its own still has someone to review its agencies' reports);</li>
 *   <li>anything else is answered exactly like an agency that does not exist (404), so nobody can probe for
 *       other tenants; an agency that exists but is not ACTIVE is refused with 403.</li>
 * </ul>
 */
public class AgencyAccess {

    private final AgencyRegistry registry;

    public AgencyAccess(AgencyRegistry registry) {
        this.registry = registry;
    }

    /** The acting agency the caller asked for ({@code requested}) or, if absent, their only agency. */
    public Optional<ActingAgency> resolve(Caller caller, Optional<AgencySlug> requested) {
        if (requested.isPresent()) {
            return Optional.of(act(caller, requested.get()));
        }
        if (caller.organizations().size() == 1) {
            return Optional.of(act(caller, caller.organizations().getFirst()));
        }
        return Optional.empty();
    }

    /** Whether the caller may read the registry entry of this agency (platform admins: every agency). */
    public boolean canSee(Caller caller, Agency agency) {
        return caller.isPlatformAdmin() || caller.belongsTo(agency.slug())
                || supervisedJurisdictions(caller).contains(agency.jurisdiction());
    }

    /** The jurisdictions whose agencies the caller supervises as disclosure-office staff: each office's, then those below. */
    public List<JurisdictionSlug> supervisedJurisdictions(Caller caller) {
        if (!caller.hasOfficeRole()) {
            return List.of();
        }
        return caller.organizations().stream()
                .map(registry::find).flatMap(Optional::stream)
                .filter(a -> a.kind() == AgencyKind.DISCLOSURE_OFFICE && a.isActive())
                .map(Agency::jurisdiction).distinct()
                .flatMap(j -> registry.withDescendants(j).stream()).distinct().toList();
    }

    private ActingAgency act(Caller caller, AgencySlug slug) {
        boolean member = caller.belongsTo(slug);
        Agency agency = registry.find(slug).orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
        boolean viaOffice = !member && supervisedJurisdictions(caller).contains(agency.jurisdiction());
        if (!member && !viaOffice) {
            throw AgencyRegistry.notFound(slug.value());
        }
        if (agency.status() == AgencyStatus.SUSPENDED) {
            throw new ApiException(ProblemCode.AGENCY_SUSPENDED, slug);
        }
        if (agency.status() == AgencyStatus.ARCHIVED) {
            throw new ApiException(ProblemCode.AGENCY_ARCHIVED, slug);
        }
        return new ActingAgency(agency, caller, viaOffice);
    }
}
