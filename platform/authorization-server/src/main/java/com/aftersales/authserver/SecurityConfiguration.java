package com.aftersales.authserver;

import com.aftersales.authserver.client.PlatformClients;
import com.aftersales.authserver.client.PublicClientRefresh;
import com.aftersales.authserver.client.RedirectUriRule;
import com.aftersales.authserver.directory.DirectoryFile;
import com.aftersales.authserver.login.DirectoryUsers;
import com.aftersales.authserver.token.PlatformClaims;
import com.aftersales.authserver.token.SigningKeys;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;
import java.util.function.Consumer;

/**
 * Two filter chains: the protocol endpoints (authorize, token, JWKS, discovery, userinfo, logout, revocation,
 * introspection), then everything else (the login page, health). Browsers on the gateway's origins may call the
 * token, revocation, JWKS, discovery and userinfo endpoints (CORS); the login page is same-origin.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login";

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http, RegisteredClientRepository clients,
                                          AuthorizationServerProperties properties) throws Exception {
        RedirectUriRule redirects = redirects(properties);
        RedirectUriRule postLogoutRedirects = postLogoutRedirects(properties);
        String browserClient = properties.browser().clientId();
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.authenticationProviders(providers -> providers.forEach(p -> {
                if (p instanceof OidcLogoutAuthenticationProvider provider) {
                    provider.setAuthenticationValidator(postLogoutRedirectValidator(browserClient, postLogoutRedirects));
                }
            }))));
            server.authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers.forEach(p -> {
                if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider provider) {
                    provider.setAuthenticationValidator(redirectValidator(browserClient, redirects)
                            .andThen(OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR));
                }
            })));
            server.clientAuthentication(authentication -> authentication
                    .authenticationConverter(PublicClientRefresh.converter())
                    .authenticationProvider(PublicClientRefresh.provider(clients)));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                // The protocol endpoints authenticate clients themselves; the browser's form posts go to /login.
                .csrf(csrf -> csrf.ignoringRequestMatchers(server(http).getEndpointsMatcher()))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    private static OAuth2AuthorizationServerConfigurer server(HttpSecurity http) {
        return http.getConfigurer(OAuth2AuthorizationServerConfigurer.class);
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginAndEverythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN_PAGE, "/login.css", "/error", "/actuator/health", "/actuator/health/**",
                                "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                .formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll());
        return http.build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(AuthorizationServerProperties properties) {
        CorsConfiguration browser = new CorsConfiguration();
        browser.setAllowedOrigins(properties.browser().origins());
        browser.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        browser.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "DPoP"));
        browser.setAllowCredentials(false);
        browser.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/jwks", "/oauth2/introspect", "/userinfo",
                "/.well-known/**")) {
            source.registerCorsConfiguration(path, browser);
        }
        return source;
    }

    @Bean
    DirectoryFile directoryFile(AuthorizationServerProperties properties) {
        return new DirectoryFile(properties.dataDir());
    }

    @Bean
    UserDetailsService users(DirectoryFile directory) {
        return new DirectoryUsers(directory);
    }

    @Bean
    PlatformClients registeredClients(DirectoryFile directory, AuthorizationServerProperties properties) {
        return new PlatformClients(directory, properties, redirects(properties), postLogoutRedirects(properties));
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(AuthorizationServerProperties properties) {
        JWKSet keys = SigningKeys.loadOrCreate(properties.dataDir());
        return new ImmutableJWKSet<>(keys);
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> keys, DirectoryFile directory,
                                           AuthorizationServerProperties properties) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwt.setJwtCustomizer(new PlatformClaims(directory, properties.audience()));
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(), PublicClientRefresh.generator(),
                new OAuth2RefreshTokenGenerator());
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(AuthorizationServerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /** Sessions known to the OIDC provider, so ID tokens carry {@code sid} and RP-initiated logout ends the session. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    static RedirectUriRule redirects(AuthorizationServerProperties properties) {
        return new RedirectUriRule(properties.browser().origins(), properties.browser().redirectPaths());
    }

    static RedirectUriRule postLogoutRedirects(AuthorizationServerProperties properties) {
        return new RedirectUriRule(properties.browser().origins(), properties.browser().postLogoutRedirectPaths());
    }

    /** The browser client's redirect URIs follow {@link RedirectUriRule}; any other client's the default exact match. */
    static Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> redirectValidator(String browserClient,
                                                                                          RedirectUriRule rule) {
        return context -> {
            if (!browserClient.equals(context.getRegisteredClient().getClientId())) {
                OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
                return;
            }
            OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
            if (!StringUtils.hasText(request.getRedirectUri()) || !rule.allows(request.getRedirectUri())) {
                // No redirect to a URI we do not know: the error is shown by the server itself.
                OAuth2AuthorizationCodeRequestAuthenticationToken answer = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                        request.getAuthorizationUri(), request.getClientId(),
                        (org.springframework.security.core.Authentication) request.getPrincipal(), null, request.getState(),
                        request.getScopes(), request.getAdditionalParameters());
                answer.setAuthenticated(true);
                throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                        OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: " + OAuth2ParameterNames.REDIRECT_URI,
                        "https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1"), answer);
            }
        };
    }

    static Consumer<OidcLogoutAuthenticationContext> postLogoutRedirectValidator(String browserClient, RedirectUriRule rule) {
        return context -> {
            String uri = ((org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken) context.getAuthentication()).getPostLogoutRedirectUri();
            if (!browserClient.equals(context.getRegisteredClient().getClientId())) {
                OidcLogoutAuthenticationValidator.DEFAULT_POST_LOGOUT_REDIRECT_URI_VALIDATOR.accept(context);
            } else if (StringUtils.hasText(uri) && !rule.allows(uri)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri",
                        "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling"));
            }
        };
    }
}
