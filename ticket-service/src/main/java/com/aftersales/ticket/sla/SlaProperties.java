package com.aftersales.ticket.sla;

import com.aftersales.calendar.TimeBasis;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * SLA targets and the scanner's settings; defaults in application.yml.
 *
 * @param timeBasis    what each clock counts ({@code CLOCK_HOURS}, {@code BUSINESS_HOURS}, {@code CALENDAR_DAYS});
 *                     targets are read in that basis
 * @param scanInterval how often due warnings and breaches are looked for
 * @param scanBatch    how many clocks one scan transaction claims at most
 */
@ConfigurationProperties("aftersales.ticket.sla")
public record SlaProperties(Targets defaults, Map<String, Targets> byType, Map<String, Targets> byPriority,
                            Map<String, Targets> byTier, Set<String> onSiteTypes, Set<String> firstResponseChannels,
                            double warningRatio, Map<SlaClockType, TimeBasis> timeBasis,
                            Duration scanInterval, int scanBatch) {

    /** Targets as configured; a missing one means no override. */
    public record Targets(Duration firstResponse, Duration onSite, Duration onSiteTarget, Duration resolution) {
        SlaTargets toTargets() {
            return new SlaTargets(firstResponse, onSite, onSiteTarget, resolution);
        }
    }

    public SlaPolicy toPolicy() {
        return new SlaPolicy(defaults.toTargets(), convert(byType), convert(byPriority), convert(byTier),
                onSiteTypes == null ? Set.of() : onSiteTypes,
                firstResponseChannels == null ? Set.of() : firstResponseChannels, warningRatio,
                timeBasis == null ? Map.of() : timeBasis);
    }

    private static Map<String, SlaTargets> convert(Map<String, Targets> map) {
        if (map == null) {
            return Map.of();
        }
        return map.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toTargets()));
    }
}
