package com.aftersales.platform.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityStartupCheckTest {

    private static final String KEYCLOAK = "http://keycloak:8080/realms/aftersales";
    private static final String CERTS = KEYCLOAK + "/protocol/openid-connect/certs";

    @Test
    void a_service_without_a_signing_key_refuses_to_start() {
        assertThatThrownBy(() -> SecurityStartupCheck.verify(new PlatformSecurityProperties(KEYCLOAK, null, null, null), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no token signing key")
                .hasMessageContaining("AFTERSALES_SECURITY_JWK_SET_URI");
    }

    @Test
    void a_service_without_an_issuer_refuses_to_start() {
        assertThatThrownBy(() -> SecurityStartupCheck.verify(new PlatformSecurityProperties(" ", null, CERTS, null), List.of()))
                .hasMessageContaining("aftersales.security.issuer");
    }

    @Test
    void the_prod_profile_refuses_the_development_issuer_and_a_pem_key() {
        var dev = new PlatformSecurityProperties(SecurityStartupCheck.DEV_ISSUER, null, null, "/tmp/dev-issuer.pem");
        assertThatThrownBy(() -> SecurityStartupCheck.verify(dev, List.of("compose", "prod")))
                .hasMessageContaining("'prod' profile is active but aftersales.security.issuer is the development issuer")
                .hasMessageContaining("public-key-location is set");
        var devIssuerOnKeySet = new PlatformSecurityProperties(SecurityStartupCheck.DEV_ISSUER, null, CERTS, null);
        assertThatThrownBy(() -> SecurityStartupCheck.verify(devIssuerOnKeySet, List.of("prod")))
                .hasMessageContaining("development issuer");
    }

    @Test
    void development_settings_start_outside_prod_and_a_real_issuer_starts_in_prod() {
        assertThatCode(() -> SecurityStartupCheck.verify(
                new PlatformSecurityProperties(SecurityStartupCheck.DEV_ISSUER, null, null, "/tmp/dev-issuer.pem"), List.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> SecurityStartupCheck.verify(new PlatformSecurityProperties(KEYCLOAK, null, CERTS, null),
                List.of("prod"))).doesNotThrowAnyException();
    }

    @Test
    void two_key_sources_are_ambiguous() {
        assertThatThrownBy(() -> SecurityStartupCheck.verify(new PlatformSecurityProperties(KEYCLOAK, null, CERTS, "/k.pem"),
                List.of())).hasMessageContaining("exactly one");
    }
}
