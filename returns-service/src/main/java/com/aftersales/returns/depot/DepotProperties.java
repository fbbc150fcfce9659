package com.aftersales.returns.depot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@code aftersales.returns.depot}.
 *
 * @param defaultTurnaroundDays  the repair promise of a depot registered without one (7 days in the brief)
 * @param remainingDaysByStatus  days of work that usually remain from each status; a repair with fewer days left
 *                               before its promise is at risk
 * @param monitorInterval        how often open repairs are checked against their promise
 */
@ConfigurationProperties("aftersales.returns.depot")
public record DepotProperties(Integer defaultTurnaroundDays, Map<DepotRepairStatus, Integer> remainingDaysByStatus,
                              Duration monitorInterval) {

    public DepotProperties {
        Objects.requireNonNull(defaultTurnaroundDays, "aftersales.returns.depot.default-turnaround-days must be set");
        remainingDaysByStatus = remainingDaysByStatus == null ? Map.of() : Map.copyOf(remainingDaysByStatus);
    }
}
