package com.aftersales.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.security.verified-tokens.*}, the same in the gateway and every service ({@link VerifiedTokenCache}).
 *
 * @param enabled     remember verified tokens (off: every request verifies the signature again)
 * @param maxAge      how long a verified token is remembered at most (a withdrawn signing key is honoured that long)
 * @param maximumSize how many tokens are remembered at most
 */
@ConfigurationProperties("aftersales.security.verified-tokens")
public record VerifiedTokenProperties(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration maxAge,
                                      @DefaultValue("10000") long maximumSize) {

    /** The cache these properties describe, checking claims with {@code validator} on every use. */
    public VerifiedTokenCache cache(org.springframework.security.oauth2.core.OAuth2TokenValidator<
            org.springframework.security.oauth2.jwt.Jwt> validator) {
        return new VerifiedTokenCache(validator, maxAge, maximumSize);
    }
}
