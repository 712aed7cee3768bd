package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;

import java.util.List;
import java.util.Set;

/**
 * The identity side of an agency: its Keycloak Organization (alias = slug), its first administrator and its members.
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

    /** The organization's members with their Gongkai realm roles, by username. */
    List<Member> members(AgencySlug alias);

    /**
     * Creates a new user with a temporary password and the UPDATE_PASSWORD required action, makes them a member of
     * the organization and grants the realm roles; refuses (409) a username or email the realm already has.
     */
    AddedMember addMember(AgencySlug alias, NewMember member);

    /** Enables or disables a member's account; 404 when the organization has no member of that name. */
    Change setMemberEnabled(AgencySlug alias, String username, boolean enabled);

    enum Change { CREATED, CHANGED, UNCHANGED }

    /** @param initialPassword the temporary password, only when the user was created now */
    record AdminChange(Change change, String username, String initialPassword) {
    }

    /**
     * A member as the console lists them.
     *
     * @param roles           the member's Gongkai realm roles (Keycloak's own default roles left out)
     * @param requiredActions what Keycloak makes them do at the next sign-in, e.g. UPDATE_PASSWORD
     */
    record Member(String username, String email, String firstName, String lastName, boolean enabled,
                  List<String> roles, List<String> requiredActions) {
    }

    record NewMember(String username, String email, String firstName, String lastName, Set<String> roles) {
    }

    /** @param temporaryPassword shown once; Keycloak makes the user change it at the first sign-in */
    record AddedMember(Member member, String temporaryPassword) {
    }
}
