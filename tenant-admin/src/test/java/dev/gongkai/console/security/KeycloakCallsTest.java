package dev.gongkai.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;

/**
 * The console's sign-in calls to a Keycloak that accepts the connection and never answers (a plain socket): the
 * code-for-token exchange and the user-info call each fail within the read timeout, as Spring Security's own
 * errors, instead of holding the request thread for ever.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakCallsTest {

    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/keycloak";

    private ServerSocket silent;
    private ClientRegistration keycloak;
    private final KeycloakCalls calls = new KeycloakCalls(Duration.ofSeconds(1), Duration.ofSeconds(1));

    @BeforeAll
    void silentKeycloak() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String realm = "http://127.0.0.1:" + silent.getLocalPort() + "/realms/gongkai/protocol/openid-connect";
        keycloak = ClientRegistration.withRegistrationId("keycloak")
                .clientId("gongkai-console")
                .clientSecret("secret")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT)
                .scope("openid")
                .authorizationUri(realm + "/auth")
                .tokenUri(realm + "/token")
                .userInfoUri(realm + "/userinfo")
                .userNameAttributeName("preferred_username")
                .build();
    }

    @AfterAll
    void close() throws IOException {
        silent.close();
    }

    @Test
    void theCodeForTokenExchangeGivesUpWithinTheReadTimeout() {
        var request = OAuth2AuthorizationRequest.authorizationCode()
                .clientId("gongkai-console")
                .authorizationUri(keycloak.getProviderDetails().getAuthorizationUri())
                .redirectUri(REDIRECT)
                .state("state")
                .build();
        var response = OAuth2AuthorizationResponse.success("code")
                .redirectUri(REDIRECT)
                .state("state")
                .build();
        var grant =
                new OAuth2AuthorizationCodeGrantRequest(keycloak, new OAuth2AuthorizationExchange(request, response));

        Instant start = Instant.now();
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> calls.authorizationCode().getTokenResponse(grant))
                        .isInstanceOf(OAuth2AuthorizationException.class));
        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
    }

    @Test
    void theUserInfoCallGivesUpWithinTheReadTimeout() {
        Instant now = Instant.now();
        var request = new OAuth2UserRequest(
                keycloak, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token", now, now.plusSeconds(60)));

        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> calls.userInfo().loadUser(request))
                        .isInstanceOf(OAuth2AuthenticationException.class));
        assertThat(Duration.between(now, Instant.now())).isLessThan(BOUND);
    }
}
