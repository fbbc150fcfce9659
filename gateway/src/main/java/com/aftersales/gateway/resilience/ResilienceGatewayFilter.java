package com.aftersales.gateway.resilience;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;

import com.aftersales.gateway.problem.GatewayRejection;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Bulkhead, circuit breaker and time limiter around each route's call (retries included, so one client request is
 * one call). A full bulkhead or an open breaker answers a 503 problem with {@code Retry-After} at once, without
 * touching the backend: a dead or slow service costs its own route a few fast failures, and the other routes keep
 * their connections, event-loop time and latency. Failures are I/O errors, time-outs and the configured backend
 * statuses; 4xx answers are the client's business and count as successes.
 */
@Component
class ResilienceGatewayFilter implements GlobalFilter, Ordered {

    /** After the rate limit (-20), before the route's retry filter. */
    static final int ORDER = -10;

    private final RouteResilience resilience;

    ResilienceGatewayFilter(RouteResilience resilience) {
        this.resilience = resilience;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> guarded(route.getId(), resilience.of(route.getId()), exchange, chain));
    }

    private static Mono<Void> guarded(String routeId, RouteResilience.Guards guards, ServerWebExchange exchange,
            GatewayFilterChain chain) {
        if (!guards.bulkhead().tryAcquirePermission()) {
            return Mono.error(new GatewayRejection(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The " + routeId + " already has " + guards.policy().maxConcurrentCalls()
                            + " requests in progress, the most the gateway sends it at once.",
                    guards.policy().bulkheadRetryAfter()));
        }
        CircuitBreaker breaker = guards.breaker();
        if (!breaker.tryAcquirePermission()) {
            guards.bulkhead().onComplete();
            return Mono.error(new GatewayRejection(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The " + routeId + " is failing or too slow; the gateway pauses calls to it.",
                    guards.policy().waitInOpenState()));
        }
        long start = breaker.getCurrentTimestamp();
        AtomicBoolean recorded = new AtomicBoolean();
        // The verdict is taken when the backend's status is about to reach the client (time to first byte), so the
        // breaker already knows when the client does.
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            if (recorded.compareAndSet(false, true)) {
                long elapsed = breaker.getCurrentTimestamp() - start;
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                if (status != null && guards.policy().failureStatuses().contains(status.value())) {
                    breaker.onError(elapsed, breaker.getTimestampUnit(), new BackendFailureStatus(status.value()));
                }
                else {
                    breaker.onSuccess(elapsed, breaker.getTimestampUnit());
                }
            }
        }));
        return chain.filter(exchange)
            .transformDeferred(TimeLimiterOperator.of(guards.timeLimiter()))
            .doOnSuccess(done -> {
                if (recorded.compareAndSet(false, true)) {
                    // Completed without committing a response (nothing to judge): a success for the breaker.
                    breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                }
            })
            .doOnError(failure -> {
                if (recorded.compareAndSet(false, true)) {
                    breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
                }
            })
            .doOnCancel(() -> {
                if (recorded.compareAndSet(false, true)) {
                    // The client went away: no verdict on the backend.
                    breaker.releasePermission();
                }
            })
            .doFinally(signal -> guards.bulkhead().onComplete())
            .onErrorMap(TimeoutException.class, timeout -> new GatewayRejection(HttpStatus.GATEWAY_TIMEOUT,
                    "gateway-timeout", "The " + routeId + " did not answer within "
                            + guards.policy().timeout().toMillis() + " ms.", null));
    }

    /** A backend answer that counts as a failure for the breaker. */
    static final class BackendFailureStatus extends RuntimeException {

        BackendFailureStatus(int status) {
            super("backend answered " + status, null, false, false);
        }

    }
}
