package com.aftersales.launcher;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Keycloak as the platform's identity provider ({@code ./aftersales run --identity keycloak}): the server distribution
 * ({@code org.keycloak:keycloak-quarkus-dist}, a zip from Maven Central) and the port it listens on. The realm is the one
 * compose imports, {@code ops/keycloak/aftersales-realm.json}, as shipped.
 *
 * @param distribution the distribution zip
 * @param port         HTTP port; the issuer is {@code http://localhost:<port>/realms/aftersales}
 */
public record KeycloakIdentity(Path distribution, int port) {

    /** The realm of {@code ops/keycloak/aftersales-realm.json}. */
    public static final String REALM = "aftersales";
    /** Compose publishes Keycloak on 8180; the embedded default uses the same port. */
    public static final int DEFAULT_PORT = 8180;
    public static final String REALM_FILE = "ops/keycloak/aftersales-realm.json";

    public KeycloakIdentity {
        distribution = Objects.requireNonNull(distribution, "distribution").toAbsolutePath().normalize();
    }

    /** {@code iss} of every token: the browser's address of the realm (localhost, as the realm's redirect URIs). */
    public String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** The realm on the loopback address, for the launcher's and the services' back-channel calls. */
    public String realmUrl() {
        return "http://" + ServiceProcess.HOST + ":" + port + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return realmUrl() + "/protocol/openid-connect/certs";
    }

    public String tokenUri() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /** The admin REST API of the realm. */
    public String adminUrl() {
        return "http://" + ServiceProcess.HOST + ":" + port + "/admin/realms/" + REALM;
    }

    /** The master realm's token endpoint, where the bootstrap administrator logs in. */
    public String masterTokenUri() {
        return "http://" + ServiceProcess.HOST + ":" + port + "/realms/master/protocol/openid-connect/token";
    }
}
