package com.aftersales.launcher;

import java.util.List;
import java.util.Optional;

/**
 * The services of the platform as the launcher and docker-compose run them: module, default port,
 * own database. This is the single list that the embedded launcher, docker-compose.yml and the
 * deployment tests agree on.
 *
 * @param module      the service name, also the Maven artifact (its exec jar is {@code <module>-<version>-exec.jar})
 * @param defaultPort port in the embedded default (compose maps the same port)
 * @param database    database (and its owner role) of the service; empty for the gateway
 * @param directory   Maven module directory below the project root
 */
public record PlatformService(String module, int defaultPort, Optional<String> database, String directory) {

    /** A service whose module directory is its name (every one except the authorization server). */
    public PlatformService(String module, int defaultPort, Optional<String> database) {
        this(module, defaultPort, database, module);
    }

    public static final PlatformService TICKET = new PlatformService("ticket-service", 8081, Optional.of("ticket"));
    public static final PlatformService DISPATCH = new PlatformService("dispatch-service", 8082, Optional.of("dispatch"));
    public static final PlatformService RETURNS = new PlatformService("returns-service", 8083, Optional.of("returns"));
    public static final PlatformService FEEDBACK = new PlatformService("feedback-service", 8084, Optional.of("feedback"));
    public static final PlatformService GATEWAY = new PlatformService("gateway", 8080, Optional.empty());

    /**
     * The embedded default's OpenID Connect provider (platform/authorization-server). Only the launcher runs it:
     * docker-compose and Kubernetes use Keycloak, so it is not in {@link #ALL}.
     */
    public static final PlatformService AUTHORIZATION_SERVER = new PlatformService("authorization-server", 9000,
            Optional.empty(), "platform/authorization-server");

    /** Backend services first, gateway last: the order of start-up. */
    public static final List<PlatformService> ALL = List.of(TICKET, DISPATCH, RETURNS, FEEDBACK, GATEWAY);

    public static final List<PlatformService> BACKENDS = List.of(TICKET, DISPATCH, RETURNS, FEEDBACK);

    /** Every process the embedded launcher starts: the authorization server and {@link #ALL}. */
    public static final List<PlatformService> LAUNCHED = List.of(AUTHORIZATION_SERVER, TICKET, DISPATCH, RETURNS, FEEDBACK,
            GATEWAY);

    /** Environment variable through which the gateway learns where this backend is, e.g. TICKET_SERVICE_URL. */
    public String urlVariable() {
        return module.toUpperCase().replace('-', '_') + "_URL";
    }

    /** Environment variables every backend service reads (standard Spring Boot relaxed binding). */
    public static final List<String> BACKEND_ENVIRONMENT = List.of(
            "SERVER_PORT",
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS");

    /** Environment variables the gateway reads. */
    public static List<String> gatewayEnvironment() {
        return List.of("SERVER_PORT", TICKET.urlVariable(), DISPATCH.urlVariable(), RETURNS.urlVariable(), FEEDBACK.urlVariable());
    }
}
