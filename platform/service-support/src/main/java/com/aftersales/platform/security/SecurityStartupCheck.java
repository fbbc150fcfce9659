package com.aftersales.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Refuses configurations that would run a service open or trusting the development issuer in production.
 * Fail closed: a service without a signing key, or without an expected issuer, does not start.
 */
public final class SecurityStartupCheck {

    /** The launcher's and tests' issuer (platform/dev-identity); never accepted under the {@code prod} profile. */
    public static final String DEV_ISSUER = "urn:aftersales:dev-issuer";
    /** Key ids the development issuer uses; tokens signed with one are refused under {@code prod}. */
    public static final String DEV_KEY_ID_PREFIX = "aftersales-dev-";
    public static final String PROD_PROFILE = "prod";

    private SecurityStartupCheck() {
    }

    /** Throws {@link IllegalStateException} listing every problem of the configuration. */
    public static void verify(PlatformSecurityProperties properties, Collection<String> activeProfiles) {
        List<String> problems = new ArrayList<>();
        if (!properties.hasJwkSetUri() && !properties.hasPublicKeyLocation()) {
            problems.add("no token signing key is configured: set aftersales.security.jwk-set-uri "
                    + "(AFTERSALES_SECURITY_JWK_SET_URI) or, for development, aftersales.security.public-key-location "
                    + "(AFTERSALES_SECURITY_PUBLIC_KEY_LOCATION). The service refuses to run without authentication.");
        }
        if (properties.hasJwkSetUri() && properties.hasPublicKeyLocation()) {
            problems.add("both aftersales.security.jwk-set-uri and aftersales.security.public-key-location are set: "
                    + "configure exactly one signing key source");
        }
        if (PlatformSecurityProperties.blank(properties.issuer())) {
            problems.add("aftersales.security.issuer (AFTERSALES_SECURITY_ISSUER) is not set: tokens are only accepted "
                    + "from a named issuer");
        }
        if (activeProfiles.contains(PROD_PROFILE)) {
            if (DEV_ISSUER.equals(properties.issuer())) {
                problems.add("the 'prod' profile is active but aftersales.security.issuer is the development issuer "
                        + DEV_ISSUER + ": configure the real OpenID Connect issuer");
            }
            if (properties.hasPublicKeyLocation()) {
                problems.add("the 'prod' profile is active but aftersales.security.public-key-location is set: "
                        + "a PEM key is for development only; configure aftersales.security.jwk-set-uri");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: insecure security configuration:\n - "
                    + String.join("\n - ", problems));
        }
    }
}
