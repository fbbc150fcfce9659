package com.aftersales.feedback.kpi;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * {@code aftersales.feedback.kpis.*}; defaults in application.yml.
 *
 * @param zone               the zone whose calendar days the KPIs are bucketed by
 * @param resolvedStatuses   ticket statuses that count as resolved
 * @param repeatRepairWindow a repair ticket for the same unit within this time after a resolution makes that resolution a repeat
 * @param maxRangeDays       the widest from–to range one query may ask for
 * @param listener           the live projection's consumer
 */
@ConfigurationProperties("aftersales.feedback.kpis")
public record KpiProperties(ZoneId zone, Set<String> resolvedStatuses, Duration repeatRepairWindow, int maxRangeDays,
                            Listener listener) {

    /**
     * @param maxPollRecords records per poll, each poll applied in one transaction ({@code max.poll.records} of the
     *                       KPI listener's consumer only; read by {@link KpiEventsListener} as
     *                       {@value KpiEventsListener#MAX_POLL_RECORDS_PROPERTY})
     */
    public record Listener(int maxPollRecords) {
    }
}
