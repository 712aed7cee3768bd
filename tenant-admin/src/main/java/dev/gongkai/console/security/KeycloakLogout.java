package dev.gongkai.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing out of the console also ends the Keycloak session (RP-initiated logout), then comes back to the
 * console's signed-out page. Spelled out because the endpoints are configured, not discovered.
 */
final class KeycloakLogout implements LogoutSuccessHandler {

    private final String endSessionUri;

    KeycloakLogout(String endSessionUri) {
        this.endSessionUri = endSessionUri;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String back = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath() + "/signed-out")
                .replaceQuery(null)
                .build()
                .toUriString();
        var target = UriComponentsBuilder.fromUriString(endSessionUri)
                .queryParam("post_logout_redirect_uri", back)
                .queryParam("client_id", "gongkai-console");
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            target.queryParam("id_token_hint", user.getIdToken().getTokenValue());
        }
        response.sendRedirect(target.encode().build().toUriString());
    }
}
