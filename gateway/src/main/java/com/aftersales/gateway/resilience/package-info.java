/**
 * Resilience per route: Resilience4j bulkhead, circuit breaker and time limiter, configured in application.yml,
 * answering 503 problems with Retry-After when a backend is down or saturated.
 */
package com.aftersales.gateway.resilience;
