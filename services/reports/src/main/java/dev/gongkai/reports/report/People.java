package dev.gongkai.reports.report;

import dev.gongkai.contract.PersonName;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** People as others read them: the full name in Chinese order from the token of the request that acts. */
public final class People {

    private People() {
    }

    /** The caller's full name from their token's name claims; the username when it has none or is someone else's. */
    public static String fullName(String username) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && username != null && username.equals(usernameOf(token))) {
            return PersonName.full(token.getToken().getClaimAsString("given_name"),
                    token.getToken().getClaimAsString("family_name"), username);
        }
        return username;
    }

    /** As {@code Caller} reads it: the preferred username, else the subject. */
    private static String usernameOf(JwtAuthenticationToken token) {
        String preferred = token.getToken().getClaimAsString("preferred_username");
        return preferred != null ? preferred : token.getToken().getSubject();
    }
}
