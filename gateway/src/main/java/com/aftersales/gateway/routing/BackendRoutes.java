package com.aftersales.gateway.routing;

import java.io.IOException;
import java.util.Map;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.BackoffConfig;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

/**
 * Builds the route table from {@link GatewayRoutingProperties}, so the table lives in
 * application.yml and backend URLs come from the environment.
 */
@Configuration(proxyBeanMethods = false)
class BackendRoutes {

    /** Suffix of the route ids that expose a service's OpenAPI document. */
    static final String API_DOCS_ROUTE_SUFFIX = "-api-docs";

    @Bean
    RouteLocator backendRouteLocator(RouteLocatorBuilder builder, GatewayRoutingProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Map.Entry<String, GatewayRoutingProperties.Backend> service : properties.services().entrySet()) {
            String name = service.getKey();
            GatewayRoutingProperties.Backend backend = service.getValue();
            routes.route(name, route -> route.path(backend.paths().toArray(String[]::new))
                .filters(filters -> idempotentRetry(filters, properties.idempotentRetry()))
                .metadata(RESPONSE_TIMEOUT_ATTR, properties.responseTimeout().toMillis())
                .metadata(CONNECT_TIMEOUT_ATTR, Math.toIntExact(properties.connectTimeout().toMillis()))
                .uri(backend.routeUri(name)));
            routes.route(name + API_DOCS_ROUTE_SUFFIX, route -> route.path(properties.apiDocsPrefix() + "/" + name)
                .filters(filters -> idempotentRetry(filters.setPath(properties.backendApiDocsPath()),
                        properties.idempotentRetry()))
                .metadata(RESPONSE_TIMEOUT_ATTR, properties.responseTimeout().toMillis())
                .metadata(CONNECT_TIMEOUT_ATTR, Math.toIntExact(properties.connectTimeout().toMillis()))
                .uri(backend.routeUri(name)));
        }
        return routes.build();
    }

    /**
     * Retries only GET and HEAD, and only when the exchange failed at the I/O level (refused or
     * dropped connection). A POST is never repeated: the backend may already have acted on it, and
     * repeating it could create a second ticket or return. Backend status codes are never retried.
     */
    private static GatewayFilterSpec idempotentRetry(GatewayFilterSpec filters,
            GatewayRoutingProperties.IdempotentRetry retry) {
        if (retry.retries() == 0) {
            return filters;
        }
        return filters.retry(config -> config.setRetries(retry.retries())
            .setMethods(HttpMethod.GET, HttpMethod.HEAD)
            .setSeries()
            .setStatuses()
            .setExceptions(IOException.class)
            .setBackoff(new BackoffConfig(retry.firstBackoff(), retry.maxBackoff(), retry.backoffFactor(), false)));
    }

}
