package dev.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's calls to the services are bounded: with the services accepting connections and never answering
 * (a plain socket), a signed-in user's page answers within the configured read timeout with the problem page in
 * their language (504, "did not answer in time"), never hangs. The user's session is made the way sign-in leaves it
 * (security context and authorized client, through the console's own repositories) in the session store.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
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
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/reports"))
                .header("Cookie", SignedInSessions.clerkCookie(sessions, registrations, authorizedClients))
                .timeout(Duration.ofSeconds(30))
                .build();

        Instant start = Instant.now();
        HttpResponse<String> page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        // The shell's agency look-up and the page's own call each give up after 1 s.
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(504);
        assertThat(page.body()).contains("服务未能及时响应").contains("王芳").doesNotContain("Exception");
    }
}
