package dev.gongkai.platform.tenancy;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.contract.AgencyStatus;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.security.Roles;
import java.util.List;
import java.util.Optional;

/**
 * The tenancy rules, in one place:
 * <ul>
 *   <li>a member acts for one of the agencies they hold roles in (picking one with {@code X-Agency} if several),
 *       with the roles they hold there and no others;</li>
 *   <li>disclosure-office staff (an office role held in an active DISCLOSURE_OFFICE agency) may also act on the
 *       agencies of that office's jurisdiction and of every jurisdiction below it (a city's office guides its
 *       districts, and a district without an office of its own still has someone to review its agencies'
 *       reports), with the roles they hold in the office;</li>
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
        return caller.isPlatformAdmin()
                || caller.belongsTo(agency.slug())
                || supervisedJurisdictions(caller).contains(agency.jurisdiction());
    }

    /**
     * The jurisdictions the caller supervises with the roles now in force: that of the disclosure office they act
     * for, if they hold an office role there, and every jurisdiction below it. Acting for an ordinary agency, they
     * supervise nothing.
     */
    public List<JurisdictionSlug> supervisedJurisdictions(Caller caller) {
        if (caller.actingFor() == null || !caller.hasOfficeRole()) {
            return List.of();
        }
        return registry
                .find(caller.actingFor())
                .filter(a -> a.kind() == AgencyKind.DISCLOSURE_OFFICE && a.isActive())
                .map(Agency::jurisdiction)
                .stream()
                .flatMap(j -> registry.withDescendants(j).stream())
                .distinct()
                .toList();
    }

    private ActingAgency act(Caller caller, AgencySlug slug) {
        Agency agency = registry.find(slug).orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
        boolean member = caller.belongsTo(slug);
        Optional<AgencySlug> office = member ? Optional.empty() : supervisingOffice(caller, agency);
        if (!member && office.isEmpty()) {
            throw AgencyRegistry.notFound(slug.value());
        }
        if (agency.status() == AgencyStatus.SUSPENDED) {
            throw new ApiException(ProblemCode.AGENCY_SUSPENDED, slug);
        }
        if (agency.status() == AgencyStatus.ARCHIVED) {
            throw new ApiException(ProblemCode.AGENCY_ARCHIVED, slug);
        }
        return new ActingAgency(agency, caller.actingFor(office.orElse(slug)), office.isPresent());
    }

    /**
     * An active disclosure office in which the caller holds an office role, of the agency's jurisdiction or one above
     * it (an office supervises the jurisdictions below its own, as {@link #supervisedJurisdictions} says).
     */
    private Optional<AgencySlug> supervisingOffice(Caller caller, Agency agency) {
        return caller.organizations().stream()
                .filter(slug -> caller.rolesIn(slug).stream().anyMatch(Roles::isOfficeRole))
                .map(registry::find)
                .flatMap(Optional::stream)
                .filter(a -> a.kind() == AgencyKind.DISCLOSURE_OFFICE
                        && a.isActive()
                        && registry.withDescendants(a.jurisdiction()).contains(agency.jurisdiction()))
                .map(Agency::slug)
                .findFirst();
    }
}
