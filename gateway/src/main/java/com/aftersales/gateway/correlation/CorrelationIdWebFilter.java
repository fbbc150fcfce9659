package com.aftersales.gateway.correlation;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Runs first for every request (routed, actuator, Swagger UI and errors alike): fixes the
 * correlation id and the W3C {@code traceparent} ({@link TraceParent}), forwards both downstream, sets it on the response just before it is committed
 * (so error responses carry it too, and a backend cannot replace it) and writes the access-log
 * line (status and time until the response headers are sent). Code that logs reads the id from the exchange
 * ({@link CorrelationId#of}) and puts it into the MDC around its own log line; thread-locals are not propagated along the
 * reactive chain (spring.reactor.context-propagation: limited), which costs too much per request.
 */
@Component
class CorrelationIdWebFilter implements WebFilter, Ordered {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("com.aftersales.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = CorrelationId.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
        String traceparent = TraceParent.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(TraceParent.HEADER));
        long startNanos = System.nanoTime();
        exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
        ServerHttpRequest request = exchange.getRequest()
            .mutate()
            .headers(headers -> {
                headers.set(CorrelationId.HEADER, id);
                headers.set(TraceParent.HEADER, traceparent);
            })
            .build();
        ServerWebExchange correlated = exchange.mutate().request(request).build();
        // beforeCommit rather than doFinally: errors are answered by the problem handler after this
        // chain has finished, and the status is only known once that handler has written it.
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, id);
            exchange.getResponse().getHeaders().set(TraceParent.HEADER, traceparent);
            logAccess(correlated, id, startNanos);
        }));
        return chain.filter(correlated);
    }

    private static void logAccess(ServerWebExchange exchange, String id, long startNanos) {
        if (!ACCESS_LOG.isInfoEnabled()) {
            return;
        }
        long millis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Object route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route instanceof Route r ? r.getId() : "-";
        try (MDC.MDCCloseable ignored = MDC.putCloseable(CorrelationId.MDC_KEY, id)) {
            ACCESS_LOG.info("{} {} -> {} route={} {}ms", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status == null ? "-" : status.value(), routeId, millis);
        }
    }

}
