package dev.gongkai.platform.tenancy;

import dev.gongkai.platform.agency.Agency;
import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.Caller;

/**
 * The agency a request acts on, resolved from the caller's memberships (and {@code X-Agency}) and checked against
 * the registry: it exists and is ACTIVE. Declare it as a controller parameter to require one. Its {@link #caller}
 * has the roles held in this agency in force (through supervision: those held in the supervising office).
 *
 * @param viaOffice true when the caller is disclosure-office staff acting on an agency of their jurisdiction
 *                  rather than a member of the agency
 */
public record ActingAgency(Agency agency, Caller caller, boolean viaOffice) {

    public AgencySlug slug() {
        return agency.slug();
    }
}
