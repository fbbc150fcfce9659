package com.aftersales.bench.tickets;

import com.aftersales.security.PlatformRoleClaims;
import com.aftersales.security.VerifiedTokenCache;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The framework floor of ticket intake: the smallest endpoint of the services' stack (Spring Boot MVC on Tomcat, Spring
 * Security's OAuth 2.0 resource server with the platform's RS256 bearer tokens and verified-token cache, Bean
 * Validation, JDBC through Hikari to the platform's PostgreSQL), which validates a ticket request's JSON and inserts it
 * as one row. Nothing of the platform's own work runs here (service-support's auto-configuration, Flyway and Kafka are
 * left out: no audit row, outbox, idempotency, lookups, entitlement or SLA clocks), so ticket intake over this floor is
 * what the platform adds to what the stack costs. {@link FrameworkFloor} starts it as a JVM of its own with the
 * launcher's service JVM options; configuration comes from the environment as for a service.
 */
@SpringBootApplication(excludeName = {
        "com.aftersales.platform.PlatformAutoConfiguration",
        "com.aftersales.platform.web.PlatformWebAutoConfiguration",
        "com.aftersales.platform.security.PlatformSecurityAutoConfiguration",
        "com.aftersales.platform.partner.PartnerDeliveriesAutoConfiguration",
        "com.aftersales.platform.warranty.WarrantyTermsAutoConfiguration",
        "com.aftersales.platform.calendar.PublicCalendarAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
public class FrameworkFloorApp {

    static final String PATH = "/floor/tickets";
    static final String TABLE = "floor_ticket";
    private static final int MAX_TEXT = 64;
    private static final int MAX_DESCRIPTION = 2000;
    /** The services' defaults for the verified-token cache (VerifiedTokenProperties): a minute, 10,000 tokens. */
    private static final Duration VERIFIED_TOKEN_AGE = Duration.ofMinutes(1);
    private static final long VERIFIED_TOKENS = 10_000;

    public static void main(String[] args) {
        SpringApplication.run(FrameworkFloorApp.class, args);
    }

    /** The fields of a ticket request, checked as ticket-service checks its own (required, bounded). */
    record FloorTicket(@NotNull UUID customerId, @NotBlank @Size(max = MAX_TEXT) String serialNumber,
                       @NotBlank @Size(max = MAX_TEXT) String model, @NotBlank @Size(max = MAX_TEXT) String ticketType,
                       @NotBlank @Size(max = MAX_TEXT) String channel, @NotBlank @Size(max = MAX_TEXT) String priority,
                       @Size(max = MAX_TEXT) String faultCategory,
                       @NotBlank @Size(max = MAX_DESCRIPTION) String faultDescription) {
    }

    @RestController
    static class FloorController {

        private final JdbcClient jdbc;

        FloorController(JdbcClient jdbc) {
            this.jdbc = jdbc;
            // One table, created here: the floor has no migrations to run.
            jdbc.sql("create table if not exists " + TABLE + " (id uuid primary key, customer_id uuid not null, "
                    + "serial_number text not null, model text not null, ticket_type text not null, channel text not null, "
                    + "priority text not null, fault_category text, fault_description text not null, "
                    + "opened_by text not null, opened_at timestamptz not null)").update();
        }

        @PostMapping(PATH)
        ResponseEntity<Map<String, Object>> open(@Valid @RequestBody FloorTicket ticket, @AuthenticationPrincipal Jwt agent) {
            UUID id = UUID.randomUUID();
            jdbc.sql("insert into " + TABLE + " (id, customer_id, serial_number, model, ticket_type, channel, priority, "
                            + "fault_category, fault_description, opened_by, opened_at) values (:id, :customer, :serial, "
                            + ":model, :type, :channel, :priority, :category, :description, :by, :at)")
                    .param("id", id).param("customer", ticket.customerId()).param("serial", ticket.serialNumber())
                    .param("model", ticket.model()).param("type", ticket.ticketType()).param("channel", ticket.channel())
                    .param("priority", ticket.priority()).param("category", ticket.faultCategory())
                    .param("description", ticket.faultDescription()).param("by", agent.getSubject())
                    .param("at", Timestamp.from(Instant.now()))
                    .update();
            return ResponseEntity.created(URI.create(PATH + "/" + id)).body(Map.of("id", id));
        }
    }

    /** The services' decoder: RS256 from the issuer's JWK set, issuer and audience checked, verified tokens remembered. */
    @Bean
    JwtDecoder floorJwtDecoder(@Value("${aftersales.security.jwk-set-uri}") String jwkSetUri,
                               @Value("${aftersales.security.issuer}") String issuer,
                               @Value("${aftersales.security.audience:aftersales}") String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        decoder.setJwtValidator(validator);
        VerifiedTokenCache verified = new VerifiedTokenCache(validator, VERIFIED_TOKEN_AGE, VERIFIED_TOKENS);
        return token -> verified.revalidated(token).orElseGet(() -> verified.remember(token, decoder.decode(token)));
    }

    @Bean
    SecurityFilterChain floorSecurity(HttpSecurity http, JwtDecoder decoder) throws Exception {
        JwtAuthenticationConverter roles = new JwtAuthenticationConverter();
        roles.setJwtGrantedAuthoritiesConverter(PlatformRoleClaims::authorities);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/livez", "/readyz").permitAll()
                        .requestMatchers(PATH).hasRole("AGENT")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(roles)));
        return http.build();
    }
}
