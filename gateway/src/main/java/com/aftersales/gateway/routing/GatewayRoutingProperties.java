package com.aftersales.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Backends and timeouts of the gateway ({@code aftersales.gateway.*} in application.yml).
 *
 * @param services backend services by name (the name is the route id and the OpenAPI group)
 * @param responseTimeout how long a backend may take to send its response headers
 * @param connectTimeout how long opening a TCP connection to a backend may take
 * @param retryAfter value of {@code Retry-After} sent with 503 when a backend is unreachable
 * @param apiDocsPrefix gateway path under which each service's OpenAPI document is exposed
 * @param backendApiDocsPath where every backend serves its own OpenAPI document
 * @param idempotentRetry retries of GET/HEAD on I/O failures; other methods are never retried
 */
@Validated
@ConfigurationProperties("aftersales.gateway")
public record GatewayRoutingProperties(
        @NotEmpty Map<String, @Valid Backend> services,
        @NotNull Duration responseTimeout,
        @NotNull Duration connectTimeout,
        @NotNull Duration retryAfter,
        @NotBlank String apiDocsPrefix,
        @NotBlank String backendApiDocsPath,
        @NotNull @Valid IdempotentRetry idempotentRetry) {

    /**
     * @param url base URL of every instance of the service (scheme, host, port); one URL, or a comma-separated
     * list ({@code TICKET_SERVICE_URL=http://a:8081,http://b:8081}) that the gateway balances round robin,
     * skipping instances whose readiness check fails. Behind a Kubernetes Service, one URL.
     * @param paths gateway path patterns owned by the service, e.g. {@code /api/tickets/**}
     */
    public record Backend(@NotEmpty List<@NotNull URI> url, @NotEmpty List<@NotBlank String> paths) {

        /** Where the route sends requests: the instance itself, or {@code lb://<name>} for several. */
        URI routeUri(String name) {
            return url.size() == 1 ? url.get(0) : URI.create(LOAD_BALANCED_SCHEME + "://" + name);
        }

    }

    /** Spring Cloud LoadBalancer's scheme; the instances come from {@link StaticBackendDiscoveryClient}. */
    static final String LOAD_BALANCED_SCHEME = "lb";

    /**
     * @param retries extra attempts after the first one
     * @param firstBackoff wait before the first retry
     * @param maxBackoff upper bound of the wait between retries
     * @param backoffFactor multiplier applied to the wait after each retry
     */
    public record IdempotentRetry(@PositiveOrZero int retries, @NotNull Duration firstBackoff,
            @NotNull Duration maxBackoff, @Positive int backoffFactor) {
    }

}
