package dev.gongkai.platform.testing;

import dev.gongkai.platform.agency.AgencySlug;
import dev.gongkai.platform.security.RealmRoleAuthorities;
import dev.gongkai.platform.security.Roles;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * Tokens shaped like Keycloak's ({@code organization} aliases, {@code realm_access.roles}) for MockMvc requests,
 * with authorities derived by the platform's real converter. For authorization tests; the one end-to-end test
 * uses a real Keycloak token.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static JwtRequestPostProcessor token(String username, List<AgencySlug> organizations, String... roles) {
        return jwt().jwt(j -> j.subject("sub-" + username)
                        .claim("preferred_username", username)
                        .claim("organization", organizations.stream().map(AgencySlug::value).toList())
                        .claim("realm_access", Map.of("roles", Arrays.asList(roles))))
                .authorities(new RealmRoleAuthorities());
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
