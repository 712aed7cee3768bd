package dev.gongkai.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.gongkai.console.ConsoleApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A sign-in that fails comes back to a page that says why in words, within a bound, and never to {@code /login?error}
 * (which this console does not have: asking for it started another sign-in, a loop). Keycloak here is a stand-in
 * we own: a token endpoint that either never answers or issues a properly signed ID token whose key set lives at an
 * address that accepts connections and never answers.
 */
@SpringBootTest(
        classes = ConsoleApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.http.clients.connect-timeout=1s", "spring.http.clients.read-timeout=1s"})
class SignInFailureTest {

    /**
     * The token call gives up after the console's read timeout (1 s here); the key-set fetch is bounded by Spring
     * Security's own defaults for Nimbus (short timeouts, retried): about 9 s was measured on a busy machine.
     */
    private static final Duration BOUND = Duration.ofSeconds(20);

    private static final String CLIENT = "gongkai-console";

    static ServerSocket silent;
    static HttpServer keycloak;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standInKeycloak(DynamicPropertyRegistry registry) throws Exception {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.setExecutor(Executors.newCachedThreadPool());
        var key = new RSAKeyGenerator(2048).keyID("k1").generate();
        keycloak.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (form.contains("code=hang")) {
                sleep(Duration.ofSeconds(60)); // accepted, never answered in time
            }
            try {
                var claims = new JWTClaimsSet.Builder()
                        .issuer(issuer())
                        .subject("user-1")
                        .audience(CLIENT)
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .claim("preferred_username", "clerk-wang")
                        .build();
                var idToken = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
                idToken.sign(new RSASSASigner(key));
                byte[] body =
                        ("{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid\","
                                        + "\"id_token\":\"" + idToken.serialize() + "\"}")
                                .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
            exchange.close();
        });
        keycloak.start();
        String standIn = "http://127.0.0.1:" + keycloak.getAddress().getPort();
        registry.add("spring.security.oauth2.client.provider.keycloak.authorization-uri", () -> standIn + "/auth");
        registry.add("spring.security.oauth2.client.provider.keycloak.token-uri", () -> standIn + "/token");
        registry.add(
                "spring.security.oauth2.client.provider.keycloak.jwk-set-uri",
                () -> "http://127.0.0.1:" + silent.getLocalPort() + "/certs");
        registry.add("gongkai.console.redis-namespace", () -> "gongkai:test:" + UUID.randomUUID());
    }

    private static String issuer() {
        return "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/gongkai";
    }

    @AfterAll
    static void close() throws IOException {
        keycloak.stop(0);
        silent.close();
    }

    @Test
    void aTokenEndpointThatNeverAnswersSaysTheSignInServiceIsUnavailable() {
        assertLandsOn("hang", "unavailable", "登录服务暂时无法访问");
    }

    @Test
    void aKeySetThatNeverAnswersSaysTheSignInServiceIsUnavailable() {
        assertLandsOn("fine", "unavailable", "登录服务暂时无法访问");
    }

    @Test
    void aCallbackWithoutItsSignInSaysTheSignInExpired() throws Exception {
        HttpResponse<String> callback = get("/login/oauth2/code/keycloak?code=fine&state=unknown", null);

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in-failed?reason=expired");
        HttpResponse<String> page = get("/sign-in-failed?reason=expired", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("登录页面已过期").contains("重新登录").doesNotContain("signInFailed.");
    }

    /** Starts a sign-in as a browser would, comes back with {@code code}, and follows the failure to its page. */
    private void assertLandsOn(String code, String reason, String words) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            HttpResponse<String> start = get("/oauth2/authorization/keycloak", null);
            assertThat(start.statusCode()).isEqualTo(302);
            String cookie =
                    start.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            Matcher state = Pattern.compile("[?&]state=([^&]+)")
                    .matcher(start.headers().firstValue("Location").orElseThrow());
            assertThat(state.find()).isTrue();

            Instant begun = Instant.now();
            HttpResponse<String> callback = get(
                    "/login/oauth2/code/keycloak?code=" + code + "&state="
                            + URLDecoder.decode(state.group(1), StandardCharsets.UTF_8),
                    cookie);
            assertThat(Duration.between(begun, Instant.now())).isLessThan(BOUND);

            assertThat(callback.statusCode()).isEqualTo(302);
            String location = callback.headers().firstValue("Location").orElseThrow();
            assertThat(location).endsWith("/sign-in-failed?reason=" + reason);
            HttpResponse<String> page = get(URI.create(location).getRawPath() + "?reason=" + reason, cookie);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(words).contains("重新登录").doesNotContain("Exception");
        });
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html")
                .timeout(Duration.ofSeconds(45));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
