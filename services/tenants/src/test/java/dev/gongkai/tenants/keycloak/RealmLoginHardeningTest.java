package dev.gongkai.tenants.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The login hardening of realm {@code gongkai} at the real Keycloak: lockout after repeated failures, the password
 * policy, and the second factor of the administrators. Each test makes the users it needs and removes them (the
 * demo's {@code office} is only signed in, once, correctly).
 */
class RealmLoginHardeningTest {

    static final String STRONG = "Gk-2026-long-pass!";

    /** A refused password grant: Keycloak 26.7 answers 400 {@code invalid_grant} (RFC 6749, 5.2); 26.5 said 401. */
    private static final int REFUSED = 400;

    private final List<String> created = new ArrayList<>();

    @BeforeAll
    static void keycloakMustBeRunning() {
        RealKeycloak.requireRunning();
    }

    @AfterEach
    void removeTheUsersMadeHere() {
        RestClient admin = RealKeycloak.admin();
        for (String id : created) {
            admin.delete().uri("/users/{id}", id).retrieve().toBodilessEntity();
        }
    }

    @Test
    void locksAnAccountAfterFiveFailuresInARow() throws Exception {
        String user = user(STRONG);
        for (int i = 0; i < 4; i++) {
            assertThat(passwordGrant(user, "wrong-" + i, null)).isEqualTo(REFUSED);
            Thread.sleep(1100); // slower than the quick-login check, so only the count of failures matters
        }
        // Four failures are forgiven by a success, which starts the count again.
        assertThat(passwordGrant(user, STRONG, null)).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            passwordGrant(user, "wrong-" + i, null);
            Thread.sleep(1100);
        }
        assertThat(passwordGrant(user, STRONG, null))
                .as("the right password, after five failures")
                .isNotEqualTo(200);
    }

    @Test
    void refusesWeakPasswordsAndTheLastOnesUsed() {
        String id = createUser("hardening-" + UUID.randomUUID().toString().substring(0, 8));
        for (String weak :
                List.of("demo", "alllowercase-long-1!", "NoDigitsHere-long!", "NoSpecial2026abc", "Short-1a")) {
            assertThat(resetPassword(id, weak)).as(weak).isEqualTo(400);
        }
        assertThat(resetPassword(id, STRONG)).isEqualTo(204);
        assertThat(resetPassword(id, "Another-2026-pass!")).isEqualTo(204);
        assertThat(resetPassword(id, STRONG)).as("a password of the history").isEqualTo(400);
    }

    /** A code is accepted once: one seen over a shoulder, or replayed from a log, does not sign in again. */
    @Test
    void theOfficeAdministratorIsAskedForTheTotpAndEachCodeIsAcceptedOnce() {
        assertThat(passwordGrant("office", "demo", null))
                .as("without the one-time code")
                .isEqualTo(REFUSED);
        String code = totp("gongkaidemotwofactor");
        assertThat(passwordGrant("office", "demo", code)).isEqualTo(200);
        assertThat(passwordGrant("office", "demo", code))
                .as("the same code again")
                .isEqualTo(REFUSED);
    }

    /** 网络安全法 article 21 and a 等保 level-3 review: sign-ins and administration are logged, kept six months or more. */
    static final long SIX_MONTHS_IN_SECONDS = 183L * 24 * 3600;

    @Test
    void signInsAndAdministrationAreRecordedAndKeptAtLeastSixMonths() {
        RestClient admin = RealKeycloak.admin();
        Map<?, ?> config = admin.get().uri("/events/config").retrieve().body(Map.class);
        assertThat(config.get("eventsEnabled")).isEqualTo(true);
        assertThat(((Number) config.get("eventsExpiration")).longValue()).isGreaterThanOrEqualTo(SIX_MONTHS_IN_SECONDS);
        assertThat(config.get("adminEventsEnabled")).isEqualTo(true);
        Map<?, ?> attributes =
                (Map<?, ?>) admin.get().uri("").retrieve().body(Map.class).get("attributes");
        assertThat(Long.parseLong(String.valueOf(attributes.get("adminEventsExpiration"))))
                .as("admin events are kept as long")
                .isGreaterThanOrEqualTo(SIX_MONTHS_IN_SECONDS);

        String username = user(STRONG);
        String id = created.getLast();
        assertThat(passwordGrant(username, "wrong-password", null)).isEqualTo(REFUSED);
        assertThat(passwordGrant(username, STRONG, null)).isEqualTo(200);
        List<?> failures = admin.get()
                .uri("/events?user={id}&type=LOGIN_ERROR", id)
                .retrieve()
                .body(List.class);
        List<?> signIns =
                admin.get().uri("/events?user={id}&type=LOGIN", id).retrieve().body(List.class);
        assertThat(failures).as("the failed sign-in").hasSize(1);
        assertThat(signIns).as("the sign-in").hasSize(1);
        List<?> administration = admin.get()
                .uri("/admin-events?resourcePath=users/{id}&operationTypes=CREATE", id)
                .retrieve()
                .body(List.class);
        assertThat(administration).as("the user's creation by an administrator").hasSize(1);
    }

    private String user(String password) {
        String id = createUser("hardening-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(resetPassword(id, password)).isEqualTo(204);
        return RealKeycloak.admin()
                .get()
                .uri("/users/{id}", id)
                .retrieve()
                .body(Map.class)
                .get("username")
                .toString();
    }

    private String createUser(String username) {
        var response = RealKeycloak.admin()
                .post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "emailVerified",
                        true,
                        "firstName",
                        "测试",
                        "lastName",
                        "加固",
                        "email",
                        username + "@hardening.gongkai.test"))
                .retrieve()
                .toBodilessEntity();
        String location = response.getHeaders().getLocation().toString();
        String id = location.substring(location.lastIndexOf('/') + 1);
        created.add(id);
        return id;
    }

    private static int resetPassword(String id, String password) {
        return RealKeycloak.admin()
                .put()
                .uri("/users/{id}/reset-password", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("type", "password", "value", password, "temporary", false))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static int passwordGrant(String username, String password, String totp) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "password");
        form.add("client_id", "gongkai-cli");
        form.add("username", username);
        form.add("password", password);
        if (totp != null) {
            form.add("totp", totp);
        }
        return RestClient.create()
                .post()
                .uri(RealKeycloak.URL + "/realms/" + RealKeycloak.REALM + "/protocol/openid-connect/token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange((request, response) -> response.getStatusCode().value());
    }

    /** RFC 6238 (HMAC-SHA1, 6 digits, 30 s steps), the realm's OTP policy, for a secret as Keycloak stores it. */
    static String totp(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8)
                    .putLong(System.currentTimeMillis() / 30_000)
                    .array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
