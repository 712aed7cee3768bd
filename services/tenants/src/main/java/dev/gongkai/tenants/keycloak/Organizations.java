package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;

/**
 * The identity side of an agency: its Keycloak Organization (alias = slug) and its first administrator.
 * Every operation checks before it acts, so calling it again changes nothing. Behind an interface so that
 * provisioning can run without Keycloak (benchmark, database-only tests); {@link KeycloakOrganizations} is the real
 * one.
 */
public interface Organizations {

    /** False when identity steps are switched off ({@code gongkai.keycloak.enabled=false}). */
    boolean enabled();

    /** Creates the organization unless one with this alias exists. */
    Change ensureOrganization(AgencySlug alias, String name);

    /** Enables or disables the organization (members of a disabled one cannot act for it). */
    Change setEnabled(AgencySlug alias, boolean enabled);

    /**
     * Makes sure the user exists (created with a temporary password and the UPDATE_PASSWORD required action),
     * is a member of the organization and has realm role agency-admin.
     */
    AdminChange ensureFirstAdmin(AgencySlug alias, String username, String email);

    enum Change { CREATED, CHANGED, UNCHANGED }

    /** @param initialPassword the temporary password, only when the user was created now */
    record AdminChange(Change change, String username, String initialPassword) {
    }
}
