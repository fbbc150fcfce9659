package com.aftersales.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's identity (the service name and where errors are explained) and how to authenticate:
 * {@value #OIDC_SCHEME}, OpenID Connect discovery of the issuer the service trusts (Swagger UI logs in there with the
 * authorization code flow and PKCE), and {@value #BEARER_SCHEME}, a bearer JWT pasted by hand (a script's token).
 * Every operation accepts either; the few public ones (actuator, the documents) are outside the document.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    public static final String OIDC_SCHEME = "oidc";
    public static final String BEARER_SCHEME = "bearer";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String service,
                           @Value("${aftersales.api.version:v1}") String version,
                           @Value("${aftersales.security.issuer:}") String issuer) {
        return securedBy(new OpenAPI().info(new Info()
                .title(service)
                .version(version)
                .description("Part of the after-sales service platform. Errors are RFC 9457 problem details "
                        + "(application/problem+json) with a stable type (urn:aftersales:problem:*) and a correlationId; "
                        + "requests that create things accept an Idempotency-Key header. Every operation needs a bearer "
                        + "token of the platform's issuer (audience aftersales): log in with \"Authorize\" (OpenID "
                        + "Connect, authorization code with PKCE) or paste a token.")
                .license(new License().name("Apache-2.0"))), issuer);
    }

    /**
     * Declares both schemes and requires one of them. The OpenID Connect scheme is only declared for an issuer
     * browsers can reach ({@code http(s)://...}); the development issuer of the services' own tests is a URN.
     */
    static OpenAPI securedBy(OpenAPI api, String issuer) {
        Components components = new Components().addSecuritySchemes(BEARER_SCHEME, new SecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A bearer token of the platform's issuer (e.g. from tokens.env)"));
        api.components(components).addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
        if (issuer != null && (issuer.startsWith("http://") || issuer.startsWith("https://"))) {
            String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            components.addSecuritySchemes(OIDC_SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.OPENIDCONNECT).openIdConnectUrl(base + DISCOVERY_PATH)
                    .description("Log in at the platform's OpenID Connect provider (client aftersales-desk, PKCE)"));
            api.addSecurityItem(new SecurityRequirement().addList(OIDC_SCHEME));
        }
        return api;
    }
}
