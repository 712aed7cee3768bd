package dev.gongkai.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's calls to the services are bounded: with the services accepting connections and never answering
 * (a plain socket), a signed-in user's page answers within the configured read timeout with the problem page in
 * their language (504, "did not answer in time"), never hangs. The user's session is made the way sign-in leaves it
 * (security context and authorized client, through the console's own repositories) in the session store.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.http.clients.connect-timeout=1s", "spring.http.clients.read-timeout=1s"})
class ServiceTimeoutTest {

    static ServerSocket silent;

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<? extends Session> sessions;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    OAuth2AuthorizedClientRepository authorizedClients;

    @DynamicPropertySource
    static void silentServices(DynamicPropertyRegistry registry) throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String url = "http://127.0.0.1:" + silent.getLocalPort();
        registry.add("gongkai.console.tenants-url", () -> url);
        registry.add("gongkai.console.reports-url", () -> url);
        registry.add("gongkai.console.publishing-url", () -> url);
        registry.add("gongkai.console.redis-namespace", () -> "gongkai:test:" + UUID.randomUUID());
    }

    @AfterAll
    static void close() throws IOException {
        silent.close();
    }

    @Test
    void aPageWhoseServiceNeverAnswersSaysSoWithinTheBound() throws Exception {
        String sessionId = signedInSession();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reports"))
                .header("Cookie", "GONGKAI_CONSOLE=" + Base64.getEncoder().encodeToString(
                        sessionId.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build();

        Instant start = Instant.now();
        HttpResponse<String> page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // The shell's agency look-up and the page's own call each give up after 1 s.
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(504);
        assertThat(page.body()).contains("服务未能及时响应").contains("王芳").doesNotContain("Exception");
    }

    /** A session as sign-in leaves it: the user's security context and their access token, stored in Redis. */
    private String signedInSession() {
        Instant now = Instant.now();
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("AGENCY_wuhai-psb=乌海市公安局"),
                new SimpleGrantedAuthority("MEMBER_wuhai-psb:agency-editor"));
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject("user-1").issuedAt(now)
                .expiresAt(now.plusSeconds(300)).claim("preferred_username", "clerk-wang")
                .claim("family_name", "王").claim("given_name", "芳").build();
        var user = new DefaultOidcUser(authorities, idToken, "preferred_username");
        var authentication = new OAuth2AuthenticationToken(user, authorities, "keycloak");
        var client = new OAuth2AuthorizedClient(registrations.findByRegistrationId("keycloak"), "clerk-wang",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", now, now.plusSeconds(300)));

        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new HttpSessionSecurityContextRepository().saveContext(new SecurityContextImpl(authentication), request, response);
        authorizedClients.saveAuthorizedClient(client, authentication, request, response);

        return store(sessions, request.getSession());
    }

    private static <S extends Session> String store(SessionRepository<S> repository, jakarta.servlet.http.HttpSession from) {
        S session = repository.createSession();
        for (String name : Collections.list(from.getAttributeNames())) {
            session.setAttribute(name, from.getAttribute(name));
        }
        repository.save(session);
        return session.getId();
    }
}
