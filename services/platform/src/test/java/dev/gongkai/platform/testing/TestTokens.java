package dev.gongkai.platform.testing;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY;
import static dev.gongkai.platform.jooq.core.Tables.AGENCY_MEMBERSHIP;
import static org.jooq.impl.DSL.val;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.RealmRoleAuthorities;
import dev.gongkai.platform.security.Roles;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Tokens shaped like Keycloak's ({@code realm_access.roles} with the platform roles) for MockMvc requests, with
 * authorities derived by the platform's real converter, and the agency roles they stand for written into this
 * run's registry ({@code core.agency_membership}) as the tenants service would. Each distinct set of memberships is
 * its own user (its own {@code sub}), so two tokens of one username never see each other's roles. For authorization
 * tests; the end-to-end tests use real Keycloak tokens.
 */
public final class TestTokens {

    private TestTokens() {}

    /** A user holding {@code roles} in each of {@code organizations}; platform roles go into the token. */
    public static JwtRequestPostProcessor token(String username, List<AgencySlug> organizations, String... roles) {
        return named(null, null, username, organizations, roles);
    }

    /** The same, for a person whose token carries their name (Keycloak's {@code given_name} and {@code family_name}). */
    public static JwtRequestPostProcessor named(
            String givenName, String familyName, String username, List<AgencySlug> organizations, String... roles) {
        Set<String> agencyRoles =
                Arrays.stream(roles).filter(r -> !Roles.PLATFORM.contains(r)).collect(Collectors.toSet());
        Map<AgencySlug, Set<String>> memberships = new LinkedHashMap<>();
        organizations.forEach(agency -> memberships.put(agency, agencyRoles));
        JwtRequestPostProcessor token = member(
                username,
                memberships,
                Arrays.stream(roles).filter(Roles.PLATFORM::contains).toArray(String[]::new));
        if (givenName == null && familyName == null) {
            return token;
        }
        String subject = subject(username, memberships);
        return token.jwt(j -> j.subject(subject)
                .claim("preferred_username", username)
                .claim(
                        "realm_access",
                        Map.of(
                                "roles",
                                Arrays.stream(roles)
                                        .filter(Roles.PLATFORM::contains)
                                        .toList()))
                .claim("given_name", givenName)
                .claim("family_name", familyName));
    }

    /**
     * A user holding different roles in different agencies ({@code agency → roles}), plus the given platform roles.
     * Memberships of agencies this run's registry does not have are left out, as no real one could exist.
     */
    public static JwtRequestPostProcessor member(
            String username, Map<AgencySlug, Set<String>> memberships, String... platformRoles) {
        Map<AgencySlug, Set<String>> sorted = sorted(memberships);
        String subject = subject(username, memberships);
        if (!sorted.isEmpty()) {
            var dsl = TestDatabase.shared().dsl();
            sorted.forEach((agency, roles) -> roles.forEach(role -> dsl.insertInto(
                            AGENCY_MEMBERSHIP,
                            AGENCY_MEMBERSHIP.USER_ID,
                            AGENCY_MEMBERSHIP.USERNAME,
                            AGENCY_MEMBERSHIP.AGENCY_SLUG,
                            AGENCY_MEMBERSHIP.ROLE)
                    .select(dsl.select(val(subject), val(username), AGENCY.SLUG, val(role))
                            .from(AGENCY)
                            .where(AGENCY.SLUG.eq(agency.value())))
                    .onConflictDoNothing()
                    .execute()));
        }
        return jwt().jwt(j -> j.subject(subject)
                        .claim("preferred_username", username)
                        .claim("realm_access", Map.of("roles", Arrays.asList(platformRoles))))
                .authorities(new RealmRoleAuthorities());
    }

    private static Map<AgencySlug, Set<String>> sorted(Map<AgencySlug, Set<String>> memberships) {
        Map<AgencySlug, Set<String>> sorted = new TreeMap<>();
        memberships.forEach((agency, roles) -> sorted.put(agency, new TreeSet<>(roles)));
        return sorted;
    }

    /** A UUID, as Keycloak's subjects are, derived from the username and memberships. */
    private static String subject(String username, Map<AgencySlug, Set<String>> memberships) {
        return UUID.nameUUIDFromBytes((username + sorted(memberships)).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public static JwtRequestPostProcessor editorOf(ManagedAgency agency) {
        return token("editor-" + agency.slug(), List.of(agency.slug()), Roles.AGENCY_EDITOR);
    }

    public static JwtRequestPostProcessor officeOf(ManagedAgency office) {
        return token("office-" + office.slug(), List.of(office.slug()), Roles.OFFICE_ADMIN, Roles.OFFICE_REVIEWER);
    }

    public static JwtRequestPostProcessor platformAdmin() {
        return token("platform-admin", List.of(), Roles.PLATFORM_ADMIN);
    }
}
