package com.aftersales.gateway.security;

/**
 * Makes the development issuer impossible to enable by accident in production: with the {@code prod} profile the
 * gateway refuses to start when it would trust a PEM file or the development issuer, and needs a JWK set URI.
 * Plain code so the rule is unit-tested without starting anything.
 */
public final class ProductionGuard {

    /** Spring profile of real deployments (docker-compose sets it). */
    public static final String PROD_PROFILE = "prod";

    private ProductionGuard() {
    }

    /**
     * @throws IllegalStateException when the key source is missing or ambiguous, or (in production) the
     * development issuer or a PEM key is configured
     */
    public static void check(boolean production, SecurityProperties properties) {
        boolean jwkSet = properties.jwkSetUri() != null;
        boolean pem = properties.publicKeyLocation() != null;
        if (jwkSet == pem) {
            throw new IllegalStateException("Set exactly one of aftersales.security.jwk-set-uri "
                    + "(AFTERSALES_SECURITY_JWK_SET_URI) and aftersales.security.public-key-location "
                    + "(AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION, development only)");
        }
        if (!production) {
            return;
        }
        if (pem) {
            throw new IllegalStateException("The prod profile refuses aftersales.security.public-key-location: "
                    + "production tokens are verified against the issuer's JWK set (aftersales.security.jwk-set-uri)");
        }
        if (SecurityProperties.DEV_ISSUER.equals(properties.issuer())) {
            throw new IllegalStateException("The prod profile refuses the development issuer " + SecurityProperties.DEV_ISSUER);
        }
    }

}
