package com.aftersales.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityContractTest {

    @Test
    void rolesComeFromThePlatformClaimOrElseFromKeycloaksRealmAccess() {
        assertThat(PlatformRoleClaims.roleNames(token(Map.of("roles", List.of("AGENT", "OPS"),
                "realm_access", Map.of("roles", List.of("ADMIN")))))).containsExactly("AGENT", "OPS");
        assertThat(PlatformRoleClaims.roleNames(token(Map.of("realm_access", Map.of("roles", List.of("STORE"))))))
                .containsExactly("STORE");
        assertThat(PlatformRoleClaims.roleNames(token(Map.of("scope", "openid")))).isEmpty();
        // Blank names and non-strings are nobody's role.
        assertThat(PlatformRoleClaims.roleNames(token(Map.of("roles", Arrays.asList("QC", " ", 7))))).containsExactly("QC");
        assertThat(PlatformRoleClaims.authorities(token(Map.of("roles", List.of("TECHNICIAN")))))
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_TECHNICIAN");
    }

    @Test
    void aCallersCorrelationIdIsKeptOnlyWhenItIsSafeToLog() {
        assertThat(CorrelationIds.acceptOrCreate("desk-42.a:b_c")).isEqualTo("desk-42.a:b_c");
        assertThat(CorrelationIds.acceptOrCreate("x\r\nSet-Cookie: a=b")).hasSize(36).doesNotContain("\n");
        assertThat(CorrelationIds.acceptOrCreate("a".repeat(129))).hasSize(36);
        assertThat(CorrelationIds.acceptOrCreate(null)).hasSize(36);
    }

    private static Jwt token(Map<String, Object> claims) {
        return new Jwt("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
