package dev.gongkai.tenants.registry;

import dev.gongkai.contract.AgencyView;
import dev.gongkai.contract.JurisdictionView;
import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.AgencyAccess;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * What each caller may see of the registry: platform admins everything, disclosure-office staff their jurisdiction,
 * agency staff their own agencies. Whatever a caller may not see does not exist for them (404).
 */
@Service
class RegistryQueries {

    private final AgencyRegistry registry;
    private final AgencyAccess access;
    private final RegistryStore store;
    private final BranchDelegation delegation;

    RegistryQueries(AgencyRegistry registry, AgencyAccess access, RegistryStore store, BranchDelegation delegation) {
        this.registry = registry;
        this.access = access;
        this.store = store;
        this.delegation = delegation;
    }

    AgencyView view(Agency agency) {
        return view(agency, store.branchUsersDelegated(agency.slug()));
    }

    private AgencyView view(Agency agency, boolean branchUsersDelegated) {
        Jurisdiction jurisdiction =
                registry.findJurisdiction(agency.jurisdiction()).orElseThrow();
        return new AgencyView(
                agency.slug().value(),
                agency.nameZh(),
                agency.kind(),
                agency.parent() == null ? null : agency.parent().value(),
                jurisdiction(jurisdiction),
                agency.status(),
                branchUsersDelegated);
    }

    private static JurisdictionView jurisdiction(Jurisdiction j) {
        return new JurisdictionView(
                j.slug().value(),
                j.nameZh(),
                j.parent() == null ? null : j.parent().value());
    }

    List<AgencyView> agencies(Caller caller) {
        Set<AgencySlug> delegating = store.branchUsersDelegated();
        if (caller.isPlatformAdmin()) {
            return registry.all().stream()
                    .map(a -> view(a, delegating.contains(a.slug())))
                    .toList();
        }
        List<JurisdictionSlug> supervised = access.supervisedJurisdictions(caller);
        if (supervised.isEmpty()) {
            throw listForbidden();
        }
        return supervised.stream()
                .flatMap(j -> registry.inJurisdiction(j).stream())
                .map(a -> view(a, delegating.contains(a.slug())))
                .toList();
    }

    /** Also a branch to the admin of a parent who manages its users ({@link BranchDelegation}). */
    AgencyView agency(Caller caller, AgencySlug slug) {
        return registry.find(slug)
                .filter(a -> access.canSee(caller, a)
                        || delegation.managingAncestor(caller, a).isPresent())
                .map(this::view)
                .orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
    }

    List<JurisdictionView> jurisdictions(Caller caller) {
        if (caller.isPlatformAdmin()) {
            return registry.jurisdictions().stream()
                    .map(RegistryQueries::jurisdiction)
                    .toList();
        }
        List<JurisdictionSlug> supervised = access.supervisedJurisdictions(caller);
        if (supervised.isEmpty()) {
            throw listForbidden();
        }
        return supervised.stream()
                .map(registry::findJurisdiction)
                .flatMap(java.util.Optional::stream)
                .map(RegistryQueries::jurisdiction)
                .toList();
    }

    JurisdictionView jurisdiction(Caller caller, JurisdictionSlug slug) {
        boolean visible = caller.isPlatformAdmin()
                || access.supervisedJurisdictions(caller).contains(slug);
        return registry.findJurisdiction(slug)
                .filter(j -> visible)
                .map(RegistryQueries::jurisdiction)
                .orElseThrow(() -> new ApiException(ProblemCode.JURISDICTION_NOT_FOUND, slug));
    }

    private static ApiException listForbidden() {
        return new ApiException(ProblemCode.ACCESS_DENIED).variant("registry");
    }

    JurisdictionView jurisdictionForAdmin(JurisdictionSlug slug) {
        return registry.findJurisdiction(slug)
                .map(RegistryQueries::jurisdiction)
                .orElseThrow();
    }
}
