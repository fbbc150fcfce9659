package com.aftersales.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;

import com.aftersales.gateway.problem.GatewayRejection;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * One token bucket per (route, client): a request takes a token or is answered 429 with {@code Retry-After}
 * (when the next token is due) and a problem body; the backend never sees it. Runs before the circuit breaker
 * and the retry, so a throttled request counts against neither. {@code X-RateLimit-Remaining} tells a client how
 * much burst it has left.
 */
@Component
class RateLimitGatewayFilter implements GlobalFilter, Ordered {

    static final int ORDER = -20;

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final RateLimitProperties properties;

    private final Cache<String, Bucket> buckets;

    private final MeterRegistry meters;

    RateLimitGatewayFilter(RateLimitProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.buckets = Caffeine.newBuilder()
            .maximumSize(properties.maxTrackedClients())
            .expireAfterAccess(properties.idleEviction())
            .build();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (!properties.enabled() || route == null) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .map(authentication -> ClientKey.of(authentication, exchange.getRequest().getRemoteAddress()))
            .defaultIfEmpty(ClientKey.of(null, exchange.getRequest().getRemoteAddress()))
            .flatMap(client -> {
                RateLimitProperties.Limit limit = properties.forRoute(route.getId(), client.anonymous());
                Bucket bucket = buckets.get(route.getId() + "|" + client.value(), key -> newBucket(limit));
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                if (!probe.isConsumed()) {
                    meters.counter("aftersales.gateway.rate.limited", "route", route.getId()).increment();
                    Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
                    return Mono.error(new GatewayRejection(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                            "Rate limit of " + limit.refillTokens() + " requests per " + limit.refillPeriod().toMillis()
                                    + " ms (bursts of " + limit.capacity() + ") on " + route.getId()
                                    + " reached. Retry after " + GatewayRejection.retryAfterSeconds(wait) + " s.",
                            wait));
                }
                exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
                return chain.filter(exchange);
            });
    }

    private static Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
            .addLimit(Bandwidth.builder()
                .capacity(limit.capacity())
                .refillGreedy(limit.refillTokens(), limit.refillPeriod())
                .build())
            .build();
    }

}
