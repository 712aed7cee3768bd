package dev.gongkai.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A console session as sign-in leaves it — the user's security context and their access token, stored through the
 * console's own repositories in the session store — for HTTP-level tests that need no Keycloak: clerk 王芳 of
 * 乌海市公安局, an agency-editor, or the platform's operator 赵敏.
 */
final class SignedInSessions {

    private SignedInSessions() {}

    /** The value of the console's session cookie for a fresh session of the clerk. */
    static String clerkCookie(
            SessionRepository<? extends Session> sessions,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        return cookie(
                sessions,
                registrations,
                authorizedClients,
                "clerk-wang",
                "王",
                "芳",
                List.of(
                        new SimpleGrantedAuthority("AGENCY_wuhai-psb=乌海市公安局"),
                        new SimpleGrantedAuthority("MEMBER_wuhai-psb:agency-editor")));
    }

    /** The same for the platform's operator 赵敏, a platform-admin of no agency. */
    static String platformAdminCookie(
            SessionRepository<? extends Session> sessions,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        return cookie(
                sessions,
                registrations,
                authorizedClients,
                "ops-zhao",
                "赵",
                "敏",
                List.of(new SimpleGrantedAuthority("ROLE_platform-admin")));
    }

    private static String cookie(
            SessionRepository<? extends Session> sessions,
            ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients,
            String username,
            String familyName,
            String givenName,
            List<GrantedAuthority> authorities) {
        Instant now = Instant.now();
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token")
                .subject("user-" + username)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300))
                .claim("preferred_username", username)
                .claim("family_name", familyName)
                .claim("given_name", givenName)
                .build();
        var user = new DefaultOidcUser(authorities, idToken, "preferred_username");
        var authentication = new OAuth2AuthenticationToken(user, authorities, "keycloak");
        var client = new OAuth2AuthorizedClient(
                registrations.findByRegistrationId("keycloak"),
                username,
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now, now.plusSeconds(300)));

        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new HttpSessionSecurityContextRepository()
                .saveContext(new SecurityContextImpl(authentication), request, response);
        authorizedClients.saveAuthorizedClient(client, authentication, request, response);

        String id = store(sessions, request.getSession());
        return "GONGKAI_CONSOLE=" + Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static <S extends Session> String store(
            SessionRepository<S> repository, jakarta.servlet.http.HttpSession from) {
        S session = repository.createSession();
        for (String name : Collections.list(from.getAttributeNames())) {
            session.setAttribute(name, from.getAttribute(name));
        }
        repository.save(session);
        return session.getId();
    }
}
