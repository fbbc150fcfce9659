package com.aftersales.platform.security;

import com.aftersales.devidentity.DevIdentity;
import com.aftersales.devidentity.DevUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decoder the platform builds, fed with real RS256 tokens of the development issuer. */
class TokenValidationTest {

    private static final DevIdentity IDENTITY = DevIdentity.generate();

    @TempDir
    Path dir;

    private JwtDecoder decoder(String issuer, String audience, String... profiles) {
        Path pem = IDENTITY.writePublicKey(dir);
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new PlatformSecurityAutoConfiguration().platformJwtDecoder(
                new PlatformSecurityProperties(issuer, audience, null, pem.toString()),
                new com.aftersales.security.VerifiedTokenProperties(true, Duration.ofMinutes(1), 100), environment);
    }

    @Test
    void a_token_verified_once_is_remembered_but_a_forged_one_for_the_same_person_is_still_refused() {
        JwtDecoder decoder = decoder(DevIdentity.ISSUER, null);
        DevUser agent = DevUser.of("wang.li", "王丽", "AGENT");
        String token = IDENTITY.mint(agent, Duration.ofMinutes(5));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("wang.li");
        assertThat(decoder.decode(token).getSubject()).as("the second use, from the cache").isEqualTo("wang.li");
        String forged = DevIdentity.generate().mint(agent, Duration.ofMinutes(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(forged))
                .isInstanceOf(org.springframework.security.oauth2.jwt.JwtException.class);
    }

    @Test
    void a_valid_token_becomes_an_actor_with_its_roles_and_scope() {
        UUID technician = UUID.randomUUID();
        String token = IDENTITY.mint(DevUser.of("tech.wang", "王师傅", "TECHNICIAN", "SOMETHING_ELSE")
                .withScope("technician_id", technician), Duration.ofMinutes(5));
        Jwt jwt = decoder(DevIdentity.ISSUER, null).decode(token);
        Actor actor = CurrentActor.fromJwt(jwt);
        assertThat(actor.subject()).isEqualTo("tech.wang");
        assertThat(actor.roles()).containsExactly(Role.TECHNICIAN);
        assertThat(actor.technicianId()).isEqualTo(technician);
        assertThat(actor.store()).isNull();
        assertThat(new RoleClaimsConverter().convert(jwt)).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_TECHNICIAN", "ROLE_SOMETHING_ELSE");
    }

    @Test
    void keycloak_realm_access_roles_are_read_when_there_is_no_roles_claim() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("clerk")
                .claim("realm_access", Map.of("roles", List.of("STORE"))).claim("store", "SH-XH-001").build();
        Actor actor = CurrentActor.fromJwt(jwt);
        assertThat(actor.roles()).containsExactly(Role.STORE);
        assertThat(actor.store()).isEqualTo("SH-XH-001");
        assertThat(actor.onlyScopedAs(Role.STORE)).isTrue();
    }

    @Test
    void wrong_issuer_wrong_audience_and_expired_tokens_are_refused() {
        String token = IDENTITY.mint(DevUser.of("agent", "A", "AGENT"), Duration.ofMinutes(5));
        assertThatThrownBy(() -> decoder("https://other-issuer", null).decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder(DevIdentity.ISSUER, "another-api").decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        String expired = IDENTITY.mint(DevUser.of("agent", "A", "AGENT"), Instant.now().minus(Duration.ofHours(2)),
                Duration.ofMinutes(5));
        assertThatThrownBy(() -> decoder(DevIdentity.ISSUER, null).decode(expired))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        String forged = DevIdentity.generate().mint(DevUser.of("admin", "A", "ADMIN"), Duration.ofMinutes(5));
        assertThatThrownBy(() -> decoder(DevIdentity.ISSUER, null).decode(forged)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void the_prod_profile_refuses_to_build_a_decoder_for_the_development_issuer() {
        assertThatThrownBy(() -> decoder(DevIdentity.ISSUER, null, "prod"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Refusing to start");
    }
}
