package com.aftersales.devidentity;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevIdentityTest {

    @Test
    void mintedTokenVerifiesWithThePublishedKeyAndCarriesRolesAndScope() throws Exception {
        DevIdentity issuer = DevIdentity.generate();
        String token = issuer.mint(DevUser.of("clerk.li", "李娜", "STORE").withScope("store", "SH-PD-01"), Duration.ofHours(1));

        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey published = (RSAKey) JWKSet.parse(issuer.jwkSetJson()).getKeyByKeyId(issuer.keyId());
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
        assertThat(published.isPrivate()).isFalse();
        assertThat(jwt.getHeader().getKeyID()).startsWith(DevIdentity.KEY_ID_PREFIX);
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(DevIdentity.ISSUER);
        assertThat(claims.getAudience()).containsExactly(DevIdentity.AUDIENCE);
        assertThat(claims.getStringListClaim("roles")).containsExactly("STORE");
        assertThat(claims.getJSONObjectClaim("realm_access")).isEqualTo(Map.of("roles", List.of("STORE")));
        assertThat(claims.getStringClaim("store")).isEqualTo("SH-PD-01");
        assertThat(claims.getStringClaim("name")).isEqualTo("李娜");
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
    }

    @Test
    void eachSessionHasItsOwnKey() throws Exception {
        DevIdentity one = DevIdentity.generate();
        DevIdentity other = DevIdentity.generate();
        SignedJWT jwt = SignedJWT.parse(one.mint(DevUser.of("ops", "Ops", "OPS"), Duration.ofMinutes(5)));
        RSAKey otherKey = (RSAKey) JWKSet.parse(other.jwkSetJson()).getKeys().get(0);
        assertThat(jwt.verify(new RSASSAVerifier(otherKey))).isFalse();
        assertThat(one.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}
