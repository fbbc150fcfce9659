/**
 * Correlation ids: accepts or creates {@code X-Request-Id}, forwards it, returns it on every
 * response and writes one access-log line per exchange with the id in the MDC.
 */
package com.aftersales.gateway.correlation;
