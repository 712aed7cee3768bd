package dev.gongkai.console.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is signed in, as the pages need it: name, realm roles, organizations. */
public record ConsoleUser(String username, String displayName, Set<String> roles, List<String> organizations) {

    public static final String EDITOR = "agency-editor";
    public static final String APPROVER = "agency-approver";
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String REVIEWER = "office-reviewer";
    public static final String OFFICE_ADMIN = "office-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";

    public static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        Set<String> roles = authorities(authentication, "ROLE_").collect(Collectors.toUnmodifiableSet());
        List<String> organizations = authorities(authentication, "ORG_").sorted().toList();
        String name = dev.gongkai.console.shell.Words.fullName(user.getGivenName(), user.getFamilyName(),
                user.getFullName() != null ? user.getFullName() : user.getPreferredUsername());
        return new ConsoleUser(user.getPreferredUsername(), name, roles, organizations);
    }

    private static java.util.stream.Stream<String> authorities(Authentication authentication, String prefix) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isAgencyStaff() {
        return has(EDITOR) || has(APPROVER) || has(AGENCY_ADMIN);
    }

    public boolean isOffice() {
        return has(REVIEWER) || has(OFFICE_ADMIN);
    }

    public boolean isPlatformAdmin() {
        return has(PLATFORM_ADMIN);
    }
}
