package dev.gongkai.reports.report;

import dev.gongkai.platform.agency.AgencyKind;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;
import dev.gongkai.platform.tenancy.ActingAgency;
import org.springframework.stereotype.Component;

/** The {@link Actor} of a request: its caller as the audit trail, the revisions and the comments name them. */
@Component
public class Actors {

    /** What a jurisdiction's disclosure office is called after the jurisdiction's name. */
    static final String OFFICE = "政务公开办";

    private final AgencyRegistry registry;

    Actors(AgencyRegistry registry) {
        this.registry = registry;
    }

    public Actor of(ActingAgency acting) {
        return of(acting.caller(), acting.slug());
    }

    /** The caller acting on {@code agency}'s report, for the agency they act for (their office, through supervision). */
    public Actor of(Caller caller, AgencySlug agency) {
        return new Actor(caller.username(), caller.name(),
                agencyName(caller.actingFor() != null ? caller.actingFor() : agency));
    }

    /**
     * An agency as people call it: a disclosure office by its jurisdiction (乌海市政务公开办, whatever the office's
     * registered name), any other agency by its name.
     */
    private String agencyName(AgencySlug slug) {
        return registry.find(slug).map(agency -> agency.kind() != AgencyKind.DISCLOSURE_OFFICE ? agency.nameZh()
                : registry.findJurisdiction(agency.jurisdiction()).map(j -> j.nameZh() + OFFICE)
                .orElse(agency.nameZh())).orElse(null);
    }
}
