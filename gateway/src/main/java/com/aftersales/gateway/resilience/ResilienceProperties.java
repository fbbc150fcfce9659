package com.aftersales.gateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Circuit breaker, time limiter and bulkhead per route ({@code aftersales.gateway.resilience.*}). A route's entry
 * only names what differs from {@code defaults}.
 *
 * @param defaults every setting, for every route
 * @param routes overrides by route id (e.g. {@code dispatch-service}); unset members fall back to the defaults
 */
@Validated
@ConfigurationProperties("aftersales.gateway.resilience")
public record ResilienceProperties(@NotNull @Valid Policy defaults, @NotNull Map<String, Policy> routes) {

    /** The complete policy of a route. */
    Policy forRoute(String routeId) {
        Policy override = routes.get(routeId);
        return override == null ? defaults : override.orElse(defaults);
    }

    /**
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slowCallDurationThreshold a call slower than this counts as slow
     * @param slowCallRateThreshold percentage of slow calls in the window that opens the breaker
     * @param slidingWindowSize calls the failure rate is computed over
     * @param minimumNumberOfCalls calls needed before the rate is judged at all
     * @param waitInOpenState how long an open breaker answers 503 at once (also the {@code Retry-After})
     * @param permittedCallsInHalfOpenState trial calls after the wait; all must succeed to close again
     * @param timeout time limiter: the whole exchange with the backend (504 after it)
     * @param maxConcurrentCalls bulkhead: requests in flight to the route at most (503 beyond, at once)
     * @param bulkheadRetryAfter {@code Retry-After} when the bulkhead is full
     * @param failureStatuses backend statuses that count as failures (besides I/O errors and timeouts)
     */
    public record Policy(Float failureRateThreshold, Duration slowCallDurationThreshold, Float slowCallRateThreshold,
            Integer slidingWindowSize, Integer minimumNumberOfCalls, Duration waitInOpenState,
            Integer permittedCallsInHalfOpenState, Duration timeout, Integer maxConcurrentCalls,
            Duration bulkheadRetryAfter, List<Integer> failureStatuses) {

        Policy orElse(Policy fallback) {
            return new Policy(pick(failureRateThreshold, fallback.failureRateThreshold),
                    pick(slowCallDurationThreshold, fallback.slowCallDurationThreshold),
                    pick(slowCallRateThreshold, fallback.slowCallRateThreshold),
                    pick(slidingWindowSize, fallback.slidingWindowSize),
                    pick(minimumNumberOfCalls, fallback.minimumNumberOfCalls),
                    pick(waitInOpenState, fallback.waitInOpenState),
                    pick(permittedCallsInHalfOpenState, fallback.permittedCallsInHalfOpenState),
                    pick(timeout, fallback.timeout), pick(maxConcurrentCalls, fallback.maxConcurrentCalls),
                    pick(bulkheadRetryAfter, fallback.bulkheadRetryAfter),
                    pick(failureStatuses, fallback.failureStatuses));
        }

        private static <T> T pick(T value, T fallback) {
            return value != null ? value : fallback;
        }

    }

}
