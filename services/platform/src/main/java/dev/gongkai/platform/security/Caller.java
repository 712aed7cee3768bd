package dev.gongkai.platform.security;

import dev.gongkai.platform.agency.AgencySlug;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as the verified token says: the Keycloak Organizations (agencies) they belong to and their
 * realm roles. Nothing else grants access to an agency.
 */
public record Caller(String subject, String username, List<AgencySlug> organizations, Set<String> roles) {

    public Caller {
        organizations = List.copyOf(organizations);
        roles = Set.copyOf(roles);
    }

    public static Caller from(Jwt jwt) {
        String username = jwt.getClaimAsString("preferred_username");
        return new Caller(jwt.getSubject(), username != null ? username : jwt.getSubject(),
                organizations(jwt.getClaims().get("organization")),
                new LinkedHashSet<>(RealmRoleAuthorities.realmRoles(jwt)));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    public boolean hasOfficeRole() {
        return roles.stream().anyMatch(Roles::isOfficeRole);
    }

    public boolean belongsTo(AgencySlug agency) {
        return organizations.contains(agency);
    }

    /**
     * Keycloak sends a list of aliases ({@code ["wuhai-psb"]}); with organization attributes enabled it sends a map
     * keyed by alias instead. An alias that is no valid slug cannot be one of our agencies and is ignored.
     */
    private static List<AgencySlug> organizations(Object claim) {
        Collection<?> aliases = switch (claim) {
            case null -> List.of();
            case Collection<?> list -> list;
            case Map<?, ?> map -> map.keySet();
            case String single -> List.of(single);
            default -> List.of();
        };
        List<AgencySlug> result = new ArrayList<>();
        for (Object alias : aliases) {
            try {
                result.add(new AgencySlug(String.valueOf(alias)));
            } catch (RuntimeException ignored) {
                // not a Gongkai agency
            }
        }
        return result;
    }
}
