package dev.gongkai.platform.tenancy;

import dev.gongkai.contract.AgencyKind;
import dev.gongkai.platform.agency.AgencyRegistry;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;

/**
 * The {@link Actor} of a request: its caller as every service records who did something (the reports service's audit
 * trail, revisions and comments; publishing's reminders, schedules and scorecard packs), with their full name from
 * the token and the name of the agency they acted for, both kept when they act.
 */
public class Actors {

    /** What a jurisdiction's disclosure office is called after the jurisdiction's name. */
    static final String OFFICE = "政务公开办";

    private final AgencyRegistry registry;

    public Actors(AgencyRegistry registry) {
        this.registry = registry;
    }

    public Actor of(ActingAgency acting) {
        return of(acting.caller(), acting.slug());
    }

    /** The caller acting on {@code agency}'s report, for the agency they act for (their office, through supervision). */
    public Actor of(Caller caller, AgencySlug agency) {
        return new Actor(
                caller.username(), caller.name(), agencyName(caller.actingFor() != null ? caller.actingFor() : agency));
    }

    /** The caller for the agency they act for (office staff: their office); no agency when they act for none. */
    public Actor of(Caller caller) {
        return new Actor(
                caller.username(), caller.name(), caller.actingFor() == null ? null : agencyName(caller.actingFor()));
    }

    /**
     * An agency as people call it: a disclosure office by its jurisdiction (乌海市政务公开办, whatever the office's
     * registered name), any other agency by its name.
     */
    private String agencyName(AgencySlug slug) {
        return registry.find(slug)
                .map(agency -> agency.kind() != AgencyKind.DISCLOSURE_OFFICE
                        ? agency.nameZh()
                        : registry.findJurisdiction(agency.jurisdiction())
                                .map(j -> j.nameZh() + OFFICE)
                                .orElse(agency.nameZh()))
                .orElse(null);
    }
}
