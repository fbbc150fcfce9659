package com.aftersales.platform.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param gaugeRefreshInterval how often the query-backed gauges (open tickets by status, technicians by status,
 *                             outbox backlog, DLT sizes, ...) are recomputed; scrapes read the cached values
 */
@ConfigurationProperties("aftersales.metrics")
public record MetricsProperties(@DefaultValue("30s") Duration gaugeRefreshInterval) {
}
