package dev.gongkai.tenants.registry;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.agency.Jurisdiction;
import dev.gongkai.platform.agency.JurisdictionSlug;
import dev.gongkai.platform.error.ApiException;
import dev.gongkai.platform.error.ProblemCode;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.AgencyAccess;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * What each caller may see of the registry: platform admins everything, disclosure-office staff their jurisdiction,
 * agency staff their own agencies. Whatever a caller may not see does not exist for them (404).
 */
@Service
class RegistryQueries {

    private final AgencyRegistry registry;
    private final AgencyAccess access;

    RegistryQueries(AgencyRegistry registry, AgencyAccess access) {
        this.registry = registry;
        this.access = access;
    }

    AgencyView view(Agency agency) {
        Jurisdiction jurisdiction = registry.findJurisdiction(agency.jurisdiction()).orElseThrow();
        return AgencyView.of(agency, jurisdiction);
    }

    List<AgencyView> agencies(Caller caller) {
        if (caller.isPlatformAdmin()) {
            return registry.all().stream().map(this::view).toList();
        }
        List<JurisdictionSlug> supervised = access.supervisedJurisdictions(caller);
        if (supervised.isEmpty()) {
            throw listForbidden();
        }
        return supervised.stream().flatMap(j -> registry.inJurisdiction(j).stream()).map(this::view).toList();
    }

    AgencyView agency(Caller caller, AgencySlug slug) {
        return registry.find(slug).filter(a -> access.canSee(caller, a)).map(this::view)
                .orElseThrow(() -> AgencyRegistry.notFound(slug.value()));
    }

    List<JurisdictionView> jurisdictions(Caller caller) {
        if (caller.isPlatformAdmin()) {
            return registry.jurisdictions().stream().map(JurisdictionView::of).toList();
        }
        List<JurisdictionSlug> supervised = access.supervisedJurisdictions(caller);
        if (supervised.isEmpty()) {
            throw listForbidden();
        }
        return supervised.stream().map(registry::findJurisdiction).flatMap(java.util.Optional::stream)
                .map(JurisdictionView::of).toList();
    }

    JurisdictionView jurisdiction(Caller caller, JurisdictionSlug slug) {
        boolean visible = caller.isPlatformAdmin() || access.supervisedJurisdictions(caller).contains(slug);
        return registry.findJurisdiction(slug).filter(j -> visible).map(JurisdictionView::of)
                .orElseThrow(() -> new ApiException(ProblemCode.JURISDICTION_NOT_FOUND, slug));
    }

    private static ApiException listForbidden() {
        return new ApiException(ProblemCode.ACCESS_DENIED).variant("registry");
    }

    JurisdictionView jurisdictionForAdmin(JurisdictionSlug slug) {
        return registry.findJurisdiction(slug).map(JurisdictionView::of).orElseThrow();
    }
}
