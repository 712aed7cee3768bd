package dev.gongkai.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

class CachingJwtDecoderTest {

    static final Instant NOW = Instant.parse("2026-01-20T02:00:00Z");

    /** Stands for the real decoder: "good-…" tokens pass and expire at NOW + 60 s, anything else fails. */
    final List<String> validated = new ArrayList<>();

    final JwtDecoder validating = token -> {
        validated.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject(token)
                .issuedAt(NOW.minusSeconds(240))
                .expiresAt(NOW.plusSeconds(60))
                .build();
    };

    CachingJwtDecoder at(Instant instant) {
        return new CachingJwtDecoder(validating, 100, Duration.ofMinutes(5), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void validatesAGoodTokenOnceWhileItLasts() {
        CachingJwtDecoder decoder = at(NOW);

        assertThat(decoder.decode("good-a").getSubject()).isEqualTo("good-a");
        assertThat(decoder.decode("good-a").getSubject()).isEqualTo("good-a");
        assertThat(decoder.decode("good-b").getSubject()).isEqualTo("good-b");

        assertThat(validated).containsExactly("good-a", "good-b");
    }

    /** Keycloak's discovery document unreachable: a service failure the resource server answers 503, not a 500. */
    @Test
    void aDecoderThatCouldNotBeSetUpFailsAsAJwtServiceFailure() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(
                token -> {
                    throw new JwtDecoderInitializationException(
                            "issuer unreachable", new IllegalStateException("refused"));
                },
                100,
                Duration.ofMinutes(5),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("good-a"))
                .isExactlyInstanceOf(JwtException.class)
                .hasCauseInstanceOf(JwtDecoderInitializationException.class);
    }

    @Test
    void neverKeepsATokenThatFailed() {
        CachingJwtDecoder decoder = at(NOW);

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(validated).containsExactly("forged", "forged");
    }

    @Test
    void sendsAKeptTokenBackToValidationOnceItHasExpired() {
        Instant[] now = {NOW};
        CachingJwtDecoder decoder = new CachingJwtDecoder(validating, 100, Duration.ofMinutes(5), new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        });
        decoder.decode("good-a");

        now[0] = NOW.plusSeconds(61);
        decoder.decode("good-a");

        assertThat(validated).containsExactly("good-a", "good-a");
    }
}
