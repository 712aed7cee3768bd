package dev.gongkai.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (HMAC-SHA1, 6 digits, 30 s), as the realm's OTP policy has them. Keycloak
 * refuses a code used before (the policy does not allow reuse), so a code is handed out at most once per time step
 * and secret: the next sign-in within the same 30 s waits for the next step.
 */
final class Totp {

    /** The demo's OTP secret of {@code admin} and {@code office}, as infra/keycloak/gongkai-realm.json holds it. */
    static final String DEMO_SECRET = "gongkaidemotwofactor";

    private static final long STEP_SECONDS = 30;
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Totp() {}

    /** A code of the current step that was not handed out before, waiting for the next step if need be. */
    static synchronized String fresh(String secret) throws InterruptedException {
        long step;
        while ((step = Clock.systemUTC().millis() / 1000 / STEP_SECONDS) <= LAST_STEP.getOrDefault(secret, -1L)) {
            Thread.sleep(1000);
        }
        LAST_STEP.put(secret, step);
        return code(secret.getBytes(StandardCharsets.UTF_8), step);
    }

    static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
