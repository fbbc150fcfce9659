/**
 * Rate limits per client and route: Bucket4j token buckets in memory (Caffeine evicts idle clients), 429
 * problems with Retry-After.
 */
package com.aftersales.gateway.ratelimit;
