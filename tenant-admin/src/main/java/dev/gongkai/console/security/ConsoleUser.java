package dev.gongkai.console.security;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is signed in, as the pages need it: name, the agencies they belong to (with names, for the switcher), the one
 * they act for now (chosen in the shell, kept in the session, by default the first) and the roles in force: their
 * platform roles plus the roles they hold in that agency, exactly as the services will judge them.
 *
 * @param agencies slug → name of every agency the user belongs to, in slug order
 * @param acting   the agency the user acts for, or null when they belong to none
 */
public record ConsoleUser(
        String username, String displayName, Set<String> roles, Map<String, String> agencies, String acting) {

    /** The session attribute holding the slug the user chose in the shell's agency switcher. */
    public static final String ACTING = "console.acting-agency";

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
        // By slug: sorting the "slug=name" entries whole would put "wuhai-psb-haibowan=…" before "wuhai-psb=…".
        Map<String, String> agencies = new TreeMap<>();
        authorities(authentication, MembershipAuthorities.AGENCY).forEach(entry -> {
            int split = entry.indexOf('=');
            agencies.put(entry.substring(0, split), entry.substring(split + 1));
        });
        String chosen = chosenAgency();
        String acting = chosen != null && agencies.containsKey(chosen)
                ? chosen
                : agencies.keySet().stream().findFirst().orElse(null);
        String held = MembershipAuthorities.MEMBER + acting + ":";
        Set<String> roles = Stream.concat(
                        authorities(authentication, MembershipAuthorities.ROLE),
                        acting == null
                                ? Stream.empty()
                                : authentication.getAuthorities().stream()
                                        .map(GrantedAuthority::getAuthority)
                                        .filter(a -> a.startsWith(held))
                                        .map(a -> a.substring(held.length())))
                .collect(Collectors.toUnmodifiableSet());
        String name = dev.gongkai.contract.PersonName.full(
                user.getGivenName(),
                user.getFamilyName(),
                user.getFullName() != null ? user.getFullName() : user.getPreferredUsername());
        return new ConsoleUser(user.getPreferredUsername(), name, roles, agencies, acting);
    }

    private static String chosenAgency() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : (String) session.getAttribute(ACTING);
        }
        return null;
    }

    private static Stream<String> authorities(Authentication authentication, String prefix) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(prefix))
                .map(a -> a.substring(prefix.length()));
    }

    public List<String> organizations() {
        return List.copyOf(agencies.keySet());
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
