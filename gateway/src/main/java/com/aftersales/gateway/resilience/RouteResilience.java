package com.aftersales.gateway.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The Resilience4j instances of each route, created on first use from {@link ResilienceProperties} and named
 * after the route, with their metrics ({@code resilience4j_circuitbreaker_state{name="<route>"}} and friends).
 */
@Component
public class RouteResilience {

    /** One route's three guards and the policy they were built from. */
    record Guards(CircuitBreaker breaker, Bulkhead bulkhead, TimeLimiter timeLimiter, ResilienceProperties.Policy policy) {
    }

    private final ResilienceProperties properties;

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

    private final TimeLimiterRegistry timeLimiters = TimeLimiterRegistry.ofDefaults();

    private final Map<String, Guards> byRoute = new ConcurrentHashMap<>();

    RouteResilience(ResilienceProperties properties, MeterRegistry meters) {
        this.properties = properties;
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
    }

    Guards of(String routeId) {
        return byRoute.computeIfAbsent(routeId, this::create);
    }

    /** The breaker of a route, e.g. for tests and the ops console. */
    public CircuitBreaker.State state(String routeId) {
        return of(routeId).breaker().getState();
    }

    private Guards create(String routeId) {
        ResilienceProperties.Policy policy = properties.forRoute(routeId);
        CircuitBreaker breaker = breakers.circuitBreaker(routeId, CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(policy.slidingWindowSize())
            .minimumNumberOfCalls(policy.minimumNumberOfCalls())
            .failureRateThreshold(policy.failureRateThreshold())
            .slowCallDurationThreshold(policy.slowCallDurationThreshold())
            .slowCallRateThreshold(policy.slowCallRateThreshold())
            .waitDurationInOpenState(policy.waitInOpenState())
            .permittedNumberOfCallsInHalfOpenState(policy.permittedCallsInHalfOpenState())
            // Half-open as soon as the wait is over, not only when the next request happens to arrive.
            .automaticTransitionFromOpenToHalfOpenEnabled(true)
            .recordExceptions(Throwable.class)
            .build());
        Bulkhead bulkhead = bulkheads.bulkhead(routeId, BulkheadConfig.custom()
            .maxConcurrentCalls(policy.maxConcurrentCalls())
            // Never queue at the edge: a full bulkhead answers at once.
            .maxWaitDuration(java.time.Duration.ZERO)
            .build());
        TimeLimiter timeLimiter = timeLimiters.timeLimiter(routeId, TimeLimiterConfig.custom()
            .timeoutDuration(policy.timeout())
            .cancelRunningFuture(true)
            .build());
        return new Guards(breaker, bulkhead, timeLimiter, policy);
    }

}
