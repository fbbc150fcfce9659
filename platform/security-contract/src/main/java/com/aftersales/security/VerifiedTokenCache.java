package com.aftersales.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.util.Optional;

/**
 * Bearer tokens whose RS256 signature was already verified, by their exact text. A desk or a script sends the same
 * token with every request for its whole lifetime, and verifying the signature is the dearest part of a request's
 * security (a profile of the gateway under read load on two cores put 28 % of its CPU samples in RSA verification):
 * a token seen before skips the signature check (the same bytes were verified against the same keys), while its
 * claims (expiry, not-before, issuer, audience, and in production the key id) are checked again on every use with the
 * decoder's own validator. An entry lives at most {@code maxAge} (a signing key withdrawn from the JWK set stops
 * being honoured within that time) and the cache holds at most {@code maximumSize} tokens.
 */
public final class VerifiedTokenCache {

    private final Cache<String, Jwt> verified;
    private final OAuth2TokenValidator<Jwt> validator;

    public VerifiedTokenCache(OAuth2TokenValidator<Jwt> validator, Duration maxAge, long maximumSize) {
        this.validator = validator;
        this.verified = Caffeine.newBuilder().expireAfterWrite(maxAge).maximumSize(maximumSize).build();
    }

    /**
     * The token's claims if it was verified before and its claims still pass the validator; empty if it is not
     * cached; a {@link JwtValidationException} (as the decoder would throw) if its claims no longer pass.
     */
    public Optional<Jwt> revalidated(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            return Optional.empty();
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return Optional.of(jwt);
    }

    /** Remembers a token the decoder has just verified and validated. */
    public Jwt remember(String token, Jwt jwt) {
        verified.put(token, jwt);
        return jwt;
    }

    /** Tokens currently remembered (for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
