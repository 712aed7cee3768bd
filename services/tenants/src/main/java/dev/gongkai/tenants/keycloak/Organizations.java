package dev.gongkai.tenants.keycloak;

import dev.gongkai.platform.agency.AgencySlug;
import java.util.List;
import java.util.Optional;

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
     * Makes sure the user exists (created with a temporary password and the UPDATE_PASSWORD required action) and is
     * a member of the organization. Roles are the registry's ({@code core.agency_membership}), not Keycloak's.
     */
    MemberChange ensureMember(AgencySlug alias, String username, String email);

    /** The accounts of the organization's members. */
    List<Account> members(AgencySlug alias);

    /**
     * Creates a new user with a temporary password and the UPDATE_PASSWORD required action and makes them a member
     * of the organization; refuses (409) a username or email the realm already has.
     */
    AddedAccount addMember(AgencySlug alias, NewMember member);

    /**
     * Ends the user's membership of the organization, and nothing else: their account stays (Keycloak deletes only a
     * member an identity provider manages; ours are added by the admin API). UNCHANGED when they were no member, or
     * the agency has no organization, so that repeating a removal that failed half-way finishes it.
     */
    Change removeMember(AgencySlug alias, String userId);

    /** Enables or disables a user's account: they can (not) sign in at all. */
    Change setAccountEnabled(String userId, boolean enabled);

    /** The id this realm gives the user with this username (case-insensitive), if it has one. */
    Optional<String> userId(String username);

    enum Change {
        CREATED,
        CHANGED,
        UNCHANGED
    }

    /**
     * @param userId          the Keycloak user id (the {@code sub} of their tokens)
     * @param initialPassword the temporary password, only when the user was created now
     */
    record MemberChange(Change change, String userId, String username, String initialPassword) {}

    /**
     * A Keycloak account as the console lists it.
     *
     * @param requiredActions what Keycloak makes them do at the next sign-in, e.g. UPDATE_PASSWORD
     */
    record Account(
            String id,
            String username,
            String email,
            String firstName,
            String lastName,
            boolean enabled,
            List<String> requiredActions) {}

    record NewMember(String username, String email, String firstName, String lastName) {}

    /** @param temporaryPassword shown once; Keycloak makes the user change it at the first sign-in */
    record AddedAccount(Account account, String temporaryPassword) {}
}
