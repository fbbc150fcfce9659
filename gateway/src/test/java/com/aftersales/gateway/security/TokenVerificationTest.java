package com.aftersales.gateway.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Token verification and the production guard, without a web server. */
class TokenVerificationTest {

    static final DevIdentity IDENTITY = DevIdentity.generate();

    static final DevUser STORE = DevUser.of("store-1", "陈静", "STORE").withScope("store", "SH-XH-003");

    @TempDir
    Path dir;

    @Test
    void aDevelopmentTokenIsAcceptedWithItsRolesAsAuthorities() {
        Jwt jwt = decoder(DevIdentity.ISSUER, "aftersales", false).decode(IDENTITY.mint(STORE, Duration.ofMinutes(5)))
            .block();

        assertThat(jwt.getClaimAsString("store")).isEqualTo("SH-XH-003");
        assertThat(PlatformRoles.authorities(jwt)).extracting(Object::toString).containsExactly("ROLE_STORE");
    }

    @Test
    void anotherIssuerOrAudienceIsRefused() {
        String token = IDENTITY.mint(STORE, Duration.ofMinutes(5));

        assertThatThrownBy(() -> decoder("https://login.example.cn/realms/aftersales", "aftersales", false).decode(token)
            .block()).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder(DevIdentity.ISSUER, "another-platform", false).decode(token).block())
            .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theProdProfileRefusesThePemKeyAndTheDevelopmentIssuer() {
        assertThatThrownBy(() -> decoder(DevIdentity.ISSUER, "aftersales", true))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("public-key-location");
        SecurityProperties devIssuerWithJwks = new SecurityProperties(DevIdentity.ISSUER, "aftersales",
                URI.create("http://keycloak:8080/realms/aftersales/protocol/openid-connect/certs"), null);
        assertThatThrownBy(() -> ProductionGuard.check(true, devIssuerWithJwks)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("development issuer");
        ProductionGuard.check(true, new SecurityProperties("http://keycloak:8080/realms/aftersales", "aftersales",
                URI.create("http://keycloak:8080/realms/aftersales/protocol/openid-connect/certs"), null));
    }

    @Test
    void exactlyOneKeySourceIsRequired() {
        assertThatThrownBy(() -> ProductionGuard.check(false, new SecurityProperties(DevIdentity.ISSUER, "aftersales", null, null)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("exactly one");
    }

    @Test
    void keycloakTokensWithoutARolesClaimUseRealmAccess() {
        Jwt jwt = Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("u")
            .claim("realm_access", java.util.Map.of("roles", java.util.List.of("QC", "offline_access")))
            .build();

        assertThat(PlatformRoles.authorities(jwt)).extracting(Object::toString).contains("ROLE_QC");
    }

    private ReactiveJwtDecoder decoder(String issuer, String audience, boolean prod) {
        Path pem = IDENTITY.writePublicKey(dir);
        MockEnvironment environment = new MockEnvironment();
        if (prod) {
            environment.setActiveProfiles(ProductionGuard.PROD_PROFILE);
        }
        return new JwtDecoderConfiguration().jwtDecoder(
                new SecurityProperties(issuer, audience, null, new FileSystemResource(pem)),
                new com.aftersales.security.VerifiedTokenProperties(true, java.time.Duration.ofMinutes(1), 100), environment);
    }

}
