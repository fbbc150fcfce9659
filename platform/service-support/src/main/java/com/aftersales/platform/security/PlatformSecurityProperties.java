package com.aftersales.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.security.*}, the same names in every service and the gateway.
 *
 * @param issuer            the expected {@code iss} of every token
 * @param audience          the expected {@code aud}
 * @param jwkSetUri         where the issuer publishes its signing keys (Keycloak's certs endpoint)
 * @param publicKeyLocation a PEM public key (development issuer only; refused under the {@code prod} profile)
 */
@ConfigurationProperties("aftersales.security")
public record PlatformSecurityProperties(String issuer, String audience, String jwkSetUri, String publicKeyLocation) {

    public static final String DEFAULT_AUDIENCE = "aftersales";

    public PlatformSecurityProperties {
        audience = blank(audience) ? DEFAULT_AUDIENCE : audience;
    }

    boolean hasJwkSetUri() {
        return !blank(jwkSetUri);
    }

    boolean hasPublicKeyLocation() {
        return !blank(publicKeyLocation);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
