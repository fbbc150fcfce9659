package com.aftersales.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets per client and route ({@code aftersales.gateway.rate-limits.*}), held in this gateway's memory.
 *
 * @param enabled off only for load tests that measure something else
 * @param maxTrackedClients buckets kept at most (the least recently used go first)
 * @param idleEviction a client's bucket is dropped after this long without a request (it is full again by then)
 * @param authenticated the limit of a token holder on a route without its own entry
 * @param anonymous the limit per IP address for requests without a token (public paths only)
 * @param routes limits by route id, e.g. {@code ticket-service}
 */
@Validated
@ConfigurationProperties("aftersales.gateway.rate-limits")
public record RateLimitProperties(boolean enabled, @Positive long maxTrackedClients, @NotNull Duration idleEviction,
        @NotNull @Valid Limit authenticated, @NotNull @Valid Limit anonymous, @NotNull Map<String, @Valid Limit> routes) {

    /** The limit that applies to {@code routeId}. */
    Limit forRoute(String routeId, boolean anonymousClient) {
        if (anonymousClient) {
            return anonymous;
        }
        return routes.getOrDefault(routeId, authenticated);
    }

    /**
     * A bucket of {@code capacity} tokens (the burst), refilled by {@code refillTokens} every {@code refillPeriod}
     * (the sustained rate), greedily (a token at a time, not all at the end of the period).
     *
     * @param capacity largest burst
     * @param refillTokens tokens added per period
     * @param refillPeriod the period
     */
    public record Limit(@Positive long capacity, @Positive long refillTokens, @NotNull Duration refillPeriod) {
    }

}
