package com.aftersales.gateway.security;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The security contract's properties, with the same names in every service and the gateway
 * ({@code AFTERSALES_SECURITY_ISSUER}, {@code AFTERSALES_SECURITY_JWK_SET_URI},
 * {@code AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION}). Exactly one of the two key sources must be set.
 *
 * @param issuer expected {@code iss} of every token
 * @param audience expected member of {@code aud}
 * @param jwkSetUri the issuer's JWK set (Keycloak's {@code .../protocol/openid-connect/certs})
 * @param publicKeyLocation a PEM public key (development issuer only; refused with the {@code prod} profile)
 */
@Validated
@ConfigurationProperties("aftersales.security")
public record SecurityProperties(@NotBlank String issuer, @DefaultValue("aftersales") @NotBlank String audience,
        URI jwkSetUri, Resource publicKeyLocation) {

    /** The development issuer's {@code iss}; see platform/dev-identity (not on the gateway's class path). */
    public static final String DEV_ISSUER = "urn:aftersales:dev-issuer";

    /** Key ids of development keys start with this. */
    public static final String DEV_KEY_ID_PREFIX = "aftersales-dev-";

}
