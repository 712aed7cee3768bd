package dev.gongkai.platform.security;

import dev.gongkai.contract.PersonName;
import dev.gongkai.platform.agency.AgencySlug;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling: the verified token's user, the roles they hold in each agency (from the registry,
 * {@code core.agency_membership}) and their platform-wide realm roles. A role counts only in the agency it is held
 * in: {@link #roles()} are the platform roles plus the roles of the agency the caller acts for ({@link #actingFor}),
 * and nothing else, so an admin of one agency is no admin of another agency they merely edit in.
 *
 * @param name          their full name as people read it (李伟, family name first when Chinese), from the token's
 *                      {@code given_name} and {@code family_name}; the username when the token has neither
 * @param memberships   the roles held in each agency the caller belongs to
 * @param platformRoles the realm roles that hold everywhere (only {@code platform-admin})
 * @param actingFor     the agency whose roles are in force, or null before one is chosen
 */
public record Caller(
        String subject,
        String username,
        String name,
        Map<AgencySlug, Set<String>> memberships,
        Set<String> platformRoles,
        AgencySlug actingFor) {

    public Caller {
        memberships = Map.copyOf(memberships);
        platformRoles = Set.copyOf(platformRoles);
    }

    /** The token's user with their memberships, acting for no agency yet. Realm roles other than platform ones are ignored. */
    public static Caller from(Jwt jwt, Map<AgencySlug, Set<String>> memberships) {
        String username = jwt.getClaimAsString("preferred_username") != null
                ? jwt.getClaimAsString("preferred_username")
                : jwt.getSubject();
        return new Caller(
                jwt.getSubject(),
                username,
                PersonName.full(jwt.getClaimAsString("given_name"), jwt.getClaimAsString("family_name"), username),
                memberships,
                new HashSet<>(RealmRoleAuthorities.realmRoles(jwt)),
                null);
    }

    /** The same person with the roles of {@code agency} in force (the office's, when acting through supervision). */
    public Caller actingFor(AgencySlug agency) {
        return new Caller(subject, username, name, memberships, platformRoles, agency);
    }

    /** The roles in force: platform roles and the roles held in the acting agency. */
    public Set<String> roles() {
        Set<String> roles = new HashSet<>(platformRoles);
        if (actingFor != null) {
            roles.addAll(rolesIn(actingFor));
        }
        return Set.copyOf(roles);
    }

    public Set<String> rolesIn(AgencySlug agency) {
        return memberships.getOrDefault(agency, Set.of());
    }

    /** The agencies the caller belongs to, in slug order. */
    public List<AgencySlug> organizations() {
        return memberships.keySet().stream().sorted().toList();
    }

    public boolean hasRole(String role) {
        return platformRoles.contains(role)
                || actingFor != null && rolesIn(actingFor).contains(role);
    }

    public boolean isPlatformAdmin() {
        return platformRoles.contains(Roles.PLATFORM_ADMIN);
    }

    public boolean hasOfficeRole() {
        return roles().stream().anyMatch(Roles::isOfficeRole);
    }

    public boolean belongsTo(AgencySlug agency) {
        return memberships.containsKey(agency);
    }
}
