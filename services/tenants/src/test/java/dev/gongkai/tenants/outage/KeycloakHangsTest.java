package dev.gongkai.tenants.outage;

import static dev.gongkai.platform.jooq.core.Tables.AGENCY_MEMBERSHIP;
import static dev.gongkai.platform.jooq.core.Tables.ORGANIZATION_SYNC;
import static dev.gongkai.platform.jooq.core.Tables.OUTBOX;
import static dev.gongkai.platform.testing.TestTokens.member;
import static dev.gongkai.platform.testing.TestTokens.platformAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gongkai.platform.security.Roles;
import dev.gongkai.platform.testing.GongkaiTest;
import dev.gongkai.platform.testing.ManagedAgency;
import dev.gongkai.platform.testing.TestDatabase;
import dev.gongkai.platform.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenants service while Keycloak accepts connections and never answers, over real HTTP: a token cannot be
 * verified because the keys (JWKS) cannot be fetched (503, {@code Retry-After}), and an admin call to Keycloak's API
 * gets no answer (502, Keycloak failed). Each fails within its configured bound with a problem in Chinese and English
 * and no stack trace, where it used to hang the request thread for ever (and a key fetch that failed at once
 * answered 500). A removal Keycloak does not answer is done in the registry, which is the authority, and Keycloak's
 * side of it waits for a later run.
 */
@GongkaiTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gongkai.security.jwks.connect-timeout=1s", "gongkai.security.jwks.read-timeout=1s",
            "gongkai.keycloak.connect-timeout=1s", "gongkai.keycloak.read-timeout=1s"
        })
@AutoConfigureMockMvc
class KeycloakHangsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BOUND = Duration.ofSeconds(6);

    @TestTenant
    ManagedAgency agency;

    /** Where the person removed from {@link #agency} is a member too. */
    @TestTenant
    ManagedAgency other;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void silentKeycloak(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> SilentPeer.url() + "/realms/gongkai/protocol/openid-connect/certs");
        registry.add("gongkai.keycloak.url", SilentPeer::url);
    }

    @Test
    void aTokenWhoseKeysCannotBeFetchedIsAnsweredServiceUnavailableInTime() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Authorization", "Bearer " + signedToken())
                .timeout(Duration.ofSeconds(30))
                .build();

        Instant start = Instant.now();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertProblem(answer, "authentication.unavailable");
        assertThat(JSON.readTree(answer.body()).path("message_zh").asString()).contains("登录服务");
    }

    @Test
    void anAdminCallKeycloakNeverAnswersIsRefusedInTime() throws Exception {
        // The token is accepted without Keycloak (MockMvc's test token); the users come from Keycloak's admin API.
        Instant start = Instant.now();
        MockHttpServletResponse response = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> mvc.perform(get("/api/agencies/" + agency.slug().value() + "/users")
                                .with(platformAdmin()))
                        .andReturn()
                        .getResponse());

        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertThat(response.getStatus()).isEqualTo(502);
        JsonNode body = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(body.path("code").asString()).isEqualTo("keycloak.failed");
        assertThat(body.path("message_zh").asString()).contains("Keycloak");
        assertThat(body.path("message_en").asString()).contains("Keycloak");
        assertThat(body.toString()).doesNotContain("Exception", "127.0.0.1");
    }

    /**
     * A removal while Keycloak does not answer is done in the registry, the authority, at once: the person loses their
     * roles in this agency (and keeps the other's), and the removal is on record. Keycloak's side waits in
     * {@code core.organization_sync} for a later run. Keycloak is called only after the registry's transaction has
     * committed: while the call hangs, the person's membership rows are no longer locked. (It used to call Keycloak
     * inside that transaction, holding the rows' locks for as long as Keycloak took, and then roll the removal back.)
     */
    @Test
    void aRemovalKeycloakNeverAnswersIsDoneInTheRegistryWithoutHoldingItsLocksAndKeycloaksPartWaits() throws Exception {
        String username = "both-" + agency.slug();
        member(
                username,
                Map.of(agency.slug(), Set.of(Roles.AGENCY_EDITOR), other.slug(), Set.of(Roles.AGENCY_APPROVER)));
        var dsl = TestDatabase.shared().dsl();
        String userId = dsl.select(AGENCY_MEMBERSHIP.USER_ID)
                .from(AGENCY_MEMBERSHIP)
                .where(AGENCY_MEMBERSHIP.USERNAME.eq(username))
                .limit(1)
                .fetchOne(AGENCY_MEMBERSHIP.USER_ID);

        Instant start = Instant.now();
        var removal = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(delete(
                                        "/api/agencies/{slug}/users/{u}",
                                        agency.slug().value(),
                                        username)
                                .with(platformAdmin()))
                        .andReturn()
                        .getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // While Keycloak is being waited for, the removal has committed and holds no lock on the person's rows.
        await(() -> removal.isDone() || !memberOf(username, agency.slug()));
        assertThat(removal).as("still waiting for Keycloak").isNotDone();
        List<String> lockable = dsl.transactionResult(c -> c.dsl()
                .select(AGENCY_MEMBERSHIP.AGENCY_SLUG)
                .from(AGENCY_MEMBERSHIP)
                .where(AGENCY_MEMBERSHIP.USER_ID.eq(userId))
                .forUpdate()
                .noWait()
                .fetch(AGENCY_MEMBERSHIP.AGENCY_SLUG));
        assertThat(lockable).containsExactly(other.slug().value());

        MockHttpServletResponse response = removal.get(30, TimeUnit.SECONDS);
        assertThat(Duration.between(start, Instant.now())).isLessThan(BOUND);
        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(dsl.select(AGENCY_MEMBERSHIP.AGENCY_SLUG, AGENCY_MEMBERSHIP.ROLE)
                        .from(AGENCY_MEMBERSHIP)
                        .where(AGENCY_MEMBERSHIP.USERNAME.eq(username).and(AGENCY_MEMBERSHIP.ENABLED))
                        .fetch(r -> r.value1() + " " + r.value2()))
                .containsExactly(other.slug() + " " + Roles.AGENCY_APPROVER);
        assertThat(dsl.fetchCount(
                        OUTBOX, OUTBOX.AGGREGATE.eq("agency:" + agency.slug()).and(OUTBOX.TYPE.eq("MemberRemoved"))))
                .isOne();
        var waiting = dsl.selectFrom(ORGANIZATION_SYNC)
                .where(ORGANIZATION_SYNC.USER_ID.eq(userId))
                .fetchOne();
        assertThat(waiting).isNotNull();
        assertThat(waiting.getAgencySlug()).isEqualTo(agency.slug().value());
        assertThat(waiting.getAttempts()).isOne();
        assertThat(waiting.getLastError()).isNotBlank();
        assertThat(waiting.getNextAttemptAt()).isAfter(java.time.OffsetDateTime.now());
        assertThat(waiting.getLeaseUntil()).isNull();
    }

    private static boolean memberOf(String username, dev.gongkai.platform.agency.AgencySlug agency) {
        return TestDatabase.shared()
                .dsl()
                .fetchExists(
                        AGENCY_MEMBERSHIP,
                        AGENCY_MEMBERSHIP.USERNAME.eq(username),
                        AGENCY_MEMBERSHIP.AGENCY_SLUG.eq(agency.value()));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(BOUND);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited for the removal to commit").isBefore(until);
            Thread.sleep(20);
        }
    }

    private static void assertProblem(HttpResponse<String> answer, String code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asInt()).isEqualTo(503);
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("message_zh").asString()).isNotBlank();
        assertThat(body.path("message_en").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception", "trace", "127.0.0.1");
    }

    /** A well-formed RS256 token of the realm's shape, signed by a key the service would have to fetch. */
    private static String signedToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:8180/realms/gongkai")
                .subject("user-1")
                .audience(List.of("gongkai-services"))
                .claim("preferred_username", "someone")
                .claim("realm_access", Map.of("roles", List.of()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .issueTime(new Date())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
