package com.aftersales.authserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The embedded default's OpenID Connect provider: logs the demo users in (authorization code + PKCE for the desk,
 * the ops console and Swagger UI), issues client-credentials tokens to partner depots and scripts, and signs every
 * token in the claim shape the services validate. docker-compose runs Keycloak with the same clients instead.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuthorizationServerApplication.class, args);
    }
}
