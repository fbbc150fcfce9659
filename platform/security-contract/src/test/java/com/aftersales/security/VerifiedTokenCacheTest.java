package com.aftersales.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    private final VerifiedTokenCache cache = new VerifiedTokenCache(new JwtTimestampValidator(Duration.ZERO),
            Duration.ofMinutes(1), 100);

    @Test
    void aTokenNotSeenBeforeIsNotTakenOnTrust() {
        assertThat(cache.revalidated("never-verified")).isEmpty();
    }

    @Test
    void aVerifiedTokenIsReturnedWhileItsClaimsStillPass() {
        Jwt jwt = jwt(Instant.now().plusSeconds(60));
        cache.remember("token-a", jwt);

        assertThat(cache.revalidated("token-a")).contains(jwt);
        assertThat(cache.revalidated("token-b")).as("only the exact same text").isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedAndForgottenThoughItsSignatureWasGood() {
        cache.remember("token-old", jwt(Instant.now().minusSeconds(1)));

        assertThatThrownBy(() -> cache.revalidated("token-old")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(cache.revalidated("token-old")).isEmpty();
    }

    private static Jwt jwt(Instant expiresAt) {
        return new Jwt("t", expiresAt.minusSeconds(300), expiresAt, Map.of("alg", "RS256"), Map.of("sub", "wang.li"));
    }
}
