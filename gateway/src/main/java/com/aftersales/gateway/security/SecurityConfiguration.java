package com.aftersales.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The edge's resource server: every {@code /api/**} request needs a valid bearer token (the header is relayed
 * unchanged, and each service validates it again); public paths are open; a few paths need roles already here.
 * Stateless: no session, no CSRF token (no cookies are used), no login page. CORS for the configured frontends,
 * security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /**
     * No observations of the security filter chain, authentications or authorizations: with them every security
     * filter ran inside a timer of its own ({@code spring_security_filterchains_seconds}, and the authentication and
     * authorization timers), read by no dashboard, alert or doc (docs/metrics.md), at ~5 % of the gateway's CPU on
     * reads (bench/README.md, gateway-read). The request as a whole stays timed ({@code http_server_requests_seconds},
     * {@code spring_cloud_gateway_requests_seconds}), rejections included.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, EdgeSecurityProperties edge,
            ProblemAuthenticationAnswers answers) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .cors(cors -> cors.configurationSource(corsSource(edge.cors())))
            .headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .contentSecurityPolicy(csp -> csp.policyDirectives(edge.contentSecurityPolicy())))
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(answers).accessDeniedHandler(answers))
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactivePlatformRoles()))
                .authenticationEntryPoint(answers)
                .accessDeniedHandler(answers))
            .authorizeExchange(exchanges -> {
                exchanges.pathMatchers(HttpMethod.OPTIONS).permitAll();
                exchanges.pathMatchers(edge.publicPaths().toArray(String[]::new)).permitAll();
                for (EdgeSecurityProperties.RoleRule rule : edge.roleRules()) {
                    exchanges.pathMatchers(rule.paths().toArray(String[]::new))
                        .hasAnyRole(rule.roles().toArray(String[]::new));
                }
                exchanges.anyExchange().authenticated();
            });
        return http.build();
    }

    private static CorsConfigurationSource corsSource(EdgeSecurityProperties.Cors cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(cors.allowedMethods());
        configuration.setAllowedHeaders(cors.allowedHeaders());
        configuration.setExposedHeaders(cors.exposedHeaders());
        configuration.setMaxAge(cors.maxAge());
        // Bearer tokens travel in a header, never in cookies.
        configuration.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }

}
