package dev.gongkai.contract;

import java.util.List;

/**
 * One of an agency's users as its administrators see them ({@code /api/agencies/{slug}/users}).
 *
 * @param enabled         whether they may act for this agency (and, for someone in no other agency, sign in)
 * @param roles           the roles they hold in this agency, and only those
 * @param requiredActions what Keycloak makes them do at the next sign-in, e.g. UPDATE_PASSWORD
 */
public record MemberView(
        String username,
        String email,
        String firstName,
        String lastName,
        boolean enabled,
        List<String> roles,
        List<String> requiredActions) {

    /** A user just added, with the temporary password they must change at the first sign-in (shown once). */
    public record Added(MemberView member, String temporaryPassword) {}
}
