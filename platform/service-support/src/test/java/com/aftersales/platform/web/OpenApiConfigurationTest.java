package com.aftersales.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiConfigurationTest {

    @Test
    void anHttpIssuerGivesSwaggerUiItsDiscoveryToLogInWithBesideAPastedBearerToken() {
        OpenAPI api = OpenApiConfiguration.securedBy(new OpenAPI(), "http://localhost:8180/realms/aftersales/");

        SecurityScheme oidc = api.getComponents().getSecuritySchemes().get(OpenApiConfiguration.OIDC_SCHEME);
        assertThat(oidc.getType()).isEqualTo(SecurityScheme.Type.OPENIDCONNECT);
        assertThat(oidc.getOpenIdConnectUrl())
                .isEqualTo("http://localhost:8180/realms/aftersales/.well-known/openid-configuration");
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get(OpenApiConfiguration.BEARER_SCHEME);
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(api.getSecurity()).extracting(SecurityRequirement::keySet)
                .containsExactlyInAnyOrder(java.util.Set.of("bearer"), java.util.Set.of("oidc"));
    }

    @Test
    void aUrnIssuerHasNoDiscoverySoOnlyThePastedToken() {
        OpenAPI api = OpenApiConfiguration.securedBy(new OpenAPI(), "urn:aftersales:dev-issuer");

        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys(OpenApiConfiguration.BEARER_SCHEME);
        assertThat(api.getSecurity()).hasSize(1);
    }
}
