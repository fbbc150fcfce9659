package com.aftersales.gateway.routing;

import java.net.URI;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Makes backend {@code Location} headers usable by frontends. Relative locations pass unchanged
 * (gateway and backend paths are identical). An absolute location that points at the routed
 * backend itself is rewritten to the origin the client used to reach the gateway; absolute
 * locations to any other origin are left alone, since they are deliberate external links.
 *
 * <p>The backend's Host header is not preserved: the backend sees its own authority, so it can
 * run behind virtual hosts, and the gateway owns the translation back to its public origin.
 */
@Component
class LocationHeaderRewriteFilter implements GlobalFilter, Ordered {

    private static final int HTTP_DEFAULT_PORT = 80;

    private static final int HTTPS_DEFAULT_PORT = 443;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> rewrite(exchange)));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static void rewrite(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String location = headers.getFirst(HttpHeaders.LOCATION);
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (location == null || route == null) {
            return;
        }
        // With several instances the route says lb://<service>; the request URL names the instance chosen.
        URI backend = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        URI origin = backend != null && backend.isAbsolute() ? backend : route.getUri();
        URI target;
        try {
            target = URI.create(location);
        }
        catch (IllegalArgumentException malformed) {
            // Not ours to fix: the client gets exactly what the backend sent.
            return;
        }
        if (!target.isAbsolute() || !sameOrigin(target, origin)) {
            return;
        }
        URI gateway = exchange.getRequest().getURI();
        URI rewritten = UriComponentsBuilder.fromUri(target)
            .scheme(gateway.getScheme())
            .host(gateway.getHost())
            .port(gateway.getPort())
            .build(true)
            .toUri();
        headers.set(HttpHeaders.LOCATION, rewritten.toString());
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? HTTPS_DEFAULT_PORT : HTTP_DEFAULT_PORT;
    }

}
