package dev.gongkai.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Keeps tokens it has seen pass the full validation of the decoder it wraps (signature, issuer, audience, times),
 * keyed by the token text, until they expire. The console sends the same token with every call a page makes, and
 * checking an RS256 signature and mapping the claims cost more CPU than the rest of a simple request. A kept token is
 * refused again the moment it expires; a token never seen, or any that fails, always goes to the wrapped decoder.
 * <p>
 * A decoder that could not be set up (Keycloak's discovery document unreachable at the first token) fails as a
 * {@link JwtException}, like keys that cannot be fetched, so the resource server treats both as the service failure
 * they are (see {@link PlatformSecurityConfiguration}) rather than letting them escape as a bare 500.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder validating;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    CachingJwtDecoder(JwtDecoder validating, int maximumTokens, Duration maximumAge, Clock clock) {
        this.validating = validating;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .expireAfterWrite(maximumAge)
                .build();
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jwt seen = verified.getIfPresent(token);
        if (seen != null && unexpired(seen, clock.instant())) {
            return seen;
        }
        Jwt jwt;
        try {
            jwt = validating.decode(token);
        } catch (JwtDecoderInitializationException e) {
            throw new JwtException("The token decoder is unavailable: " + e.getMessage(), e);
        }
        verified.put(token, jwt);
        return jwt;
    }

    private static boolean unexpired(Jwt jwt, Instant now) {
        return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
    }
}
