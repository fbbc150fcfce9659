package com.aftersales.platform.security;

import com.aftersales.platform.audit.AuditController;
import com.aftersales.platform.audit.AuditFilter;
import com.aftersales.platform.audit.AuditLog;
import com.aftersales.platform.audit.AuditProperties;
import com.aftersales.platform.schema.PlatformSchemaMigration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.aftersales.security.VerifiedTokenCache;
import com.aftersales.security.VerifiedTokenProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth 2.0 resource server (security contract, issue 7): stateless bearer JWTs (RS256) from the
 * configured issuer and audience, roles to {@code ROLE_*}, 401/403 as problem+json, the role × endpoint table of the
 * service's {@link EndpointAccessRules}, and no way to start without a key or with the development issuer under
 * {@code prod}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({PlatformSecurityProperties.class, AuditProperties.class, VerifiedTokenProperties.class})
public class PlatformSecurityAutoConfiguration {

    /** Reachable without a token: probes, metrics scraped on the internal network, and the API description. */
    public static final List<String> PUBLIC_PATHS = List.of("/livez", "/readyz", "/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**", "/error");

    /**
     * No observations of the security filter chain, authentications or authorizations (as at the gateway): each security
     * filter ran inside a timer and a span of its own ({@code spring_security_filterchains_seconds} and the
     * authentication and authorization timers), read by no dashboard, alert or doc (docs/metrics.md). The request as a
     * whole stays timed and traced ({@code http_server_requests_seconds}), rejections included.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * RS256 against the issuer's JWK set (or the development key), claims checked by {@link #validator}; a token
     * verified before skips the signature check but not the claims ({@link VerifiedTokenCache}).
     */
    @Bean
    JwtDecoder platformJwtDecoder(PlatformSecurityProperties properties, VerifiedTokenProperties verifiedTokens,
                                  Environment environment) {
        List<String> profiles = Arrays.asList(environment.getActiveProfiles());
        SecurityStartupCheck.verify(properties, profiles);
        NimbusJwtDecoder decoder = properties.hasJwkSetUri()
                ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(properties.publicKeyLocation()))
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = validator(properties, profiles.contains(SecurityStartupCheck.PROD_PROFILE));
        decoder.setJwtValidator(validator);
        if (!verifiedTokens.enabled()) {
            return decoder;
        }
        VerifiedTokenCache verified = verifiedTokens.cache(validator);
        return token -> verified.revalidated(token).orElseGet(() -> verified.remember(token, decoder.decode(token)));
    }

    static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties, boolean production) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(properties.issuer()));
        validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                audience -> audience != null && audience.contains(properties.audience())));
        if (production) {
            // Belt and braces: even if a development key reached a production key set, its tokens are refused.
            validators.add(jwt -> jwt.getHeaders().getOrDefault("kid", "").toString()
                    .startsWith(SecurityStartupCheck.DEV_KEY_ID_PREFIX)
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "development key", null))
                    : OAuth2TokenValidatorResult.success());
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static RSAPublicKey publicKey(String location) {
        Resource resource = new DefaultResourceLoader().getResource(location.contains(":") ? location : "file:" + location);
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read aftersales.security.public-key-location " + location, e);
        }
    }

    @Bean
    JwtAuthenticationConverter platformJwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RoleClaimsConverter());
        converter.setPrincipalClaimName(JwtClaimNames.SUB);
        return converter;
    }

    @Bean
    CurrentActor currentActor() {
        return new CurrentActor();
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(
            @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> resolver) {
        return new ProblemSecurityHandlers(resolver);
    }

    @Bean
    AuditLog auditLog(JdbcClient jdbc, MeterRegistry meters, PlatformSchemaMigration schema) {
        return new AuditLog(jdbc, meters, schema);
    }

    @Bean
    AuditController auditController(AuditLog audit, AuditProperties properties) {
        return new AuditController(audit, properties);
    }

    @Bean
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
                                                    JwtAuthenticationConverter converter,
                                                    ProblemSecurityHandlers problems, AuditLog audit,
                                                    ObjectProvider<EndpointAccessRules> access,
                                                    @Qualifier("requestMappingHandlerMapping")
                                                    ObjectProvider<RequestMappingHandlerMapping> mappings,
                                                    @Value("${spring.application.name}") String service,
                                                    @Value("${aftersales.security.content-security-policy:frame-ancestors 'none'; object-src 'none'; base-uri 'self'}")
                                                    String contentSecurityPolicy) throws Exception {
        List<EndpointRule> rules = effectiveRules(service, access.getIfAvailable());
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> { })
                // The gateway's security headers on every answer of the service too, errors included (Spring
                // Security adds nosniff, X-Frame-Options DENY and no-cache already).
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy)))
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll();
                    // Most specific first, whatever the table's order: /api/returns/stats before /api/returns/{id}.
                    for (EndpointRule rule : bySpecificity(rules)) {
                        if (rule.withoutToken()) {
                            authorize.requestMatchers(rule.method(), rule.pattern()).permitAll();
                        } else {
                            authorize.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.roleNames());
                        }
                    }
                    if (access.getIfAvailable() != null) {
                        // Closed by default: a mapped endpoint missing from the table is refused to everyone. A path
                        // that no controller maps, or a method it does not map, falls through to "authenticated", and
                        // MVC answers its 404, or its 405 with Allow.
                        authorize.requestMatchers(new MappedPathMatcher(
                                () -> EndpointCoverage.mappedApiEndpoints(mappings.getObject()))).denyAll();
                    }
                    authorize.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // After authentication, before authorization: it knows the actor and sees a 403 as it passes.
                // Not a bean, so that the servlet container does not register it a second time outside the chain.
                .addFilterAfter(new AuditFilter(audit), ExceptionTranslationFilter.class);
        return http.build();
    }

    static List<EndpointRule> bySpecificity(List<EndpointRule> rules) {
        return rules.stream().sorted(java.util.Comparator.comparing(
                (EndpointRule rule) -> PathPatternParser.defaultInstance.parse(rule.pattern()), PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
    }

    /** The service's table plus the platform's own endpoints (the audit log). */
    public static List<EndpointRule> effectiveRules(String service, EndpointAccessRules access) {
        List<EndpointRule> rules = new ArrayList<>();
        rules.add(new EndpointRule(HttpMethod.GET, "/api/audit/" + service,
                java.util.EnumSet.of(Role.SUPERVISOR, Role.ADMIN), ""));
        if (access != null) {
            rules.addAll(access.rules());
        }
        return rules;
    }
}
