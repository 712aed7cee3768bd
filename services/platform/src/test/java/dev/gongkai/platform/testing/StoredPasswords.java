package dev.gongkai.platform.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether a database role would log in with a password. The test servers trust loopback connections, so a real
 * login with a wrong password succeeds there; this makes the check the server makes under {@code scram-sha-256}
 * authentication instead, against the verifier PostgreSQL stores for the role (read as superuser).
 */
public final class StoredPasswords {

    private StoredPasswords() {}

    /** The role's stored verifier, {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, or null. */
    public static String verifier(TestDatabase db, String role) {
        return db.dsl()
                .fetchOne("select rolpassword from pg_authid where rolname = ?", role)
                .get(0, String.class);
    }

    /** RFC 5802 and 7677: the password's client key hashes to the stored key. */
    public static boolean accepts(TestDatabase db, String role, String password) {
        String verifier = verifier(db, role);
        if (verifier == null || !verifier.startsWith("SCRAM-SHA-256$")) {
            return false;
        }
        String[] parts = verifier.split("[$:]");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] storedKey = Base64.getDecoder().decode(parts[3]);
        try {
            byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
            byte[] clientKey = hmac.doFinal("Client Key".getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey), storedKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
