package dev.gongkai.tenants.users;

import java.util.List;

/**
 * One of an agency's users as its administrators see them.
 *
 * @param enabled         whether they may act for this agency (and, for someone in no other agency, sign in)
 * @param roles           the roles they hold in this agency, and only those
 * @param requiredActions what Keycloak makes them do at the next sign-in, e.g. UPDATE_PASSWORD
 */
record AgencyUser(
        String username,
        String email,
        String firstName,
        String lastName,
        boolean enabled,
        List<String> roles,
        List<String> requiredActions) {}
