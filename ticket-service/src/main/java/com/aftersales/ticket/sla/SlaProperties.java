package com.aftersales.ticket.sla;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * SLA targets (business time) and the scanner's settings; defaults in application.yml.
 *
 * @param scanInterval how often due warnings and breaches are looked for
 * @param scanBatch    how many clocks one scan transaction claims at most
 */
@ConfigurationProperties("aftersales.ticket.sla")
public record SlaProperties(Targets defaults, Map<String, Targets> byType, Map<String, Targets> byPriority,
                            Map<String, Targets> byTier, Set<String> onSiteTypes, Set<String> firstResponseChannels,
                            double warningRatio,
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
                firstResponseChannels == null ? Set.of() : firstResponseChannels, warningRatio);
    }

    private static Map<String, SlaTargets> convert(Map<String, Targets> map) {
        if (map == null) {
            return Map.of();
        }
        return map.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toTargets()));
    }
}
