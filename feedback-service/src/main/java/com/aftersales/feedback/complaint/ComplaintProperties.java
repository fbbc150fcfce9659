package com.aftersales.feedback.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code aftersales.feedback.complaints.*}; defaults in application.yml.
 *
 * @param acknowledgeWithin business time to acknowledge a complaint, per severity (rule CP-SLA-ACK)
 * @param resolveWithin     business time to resolve it, per severity (rule CP-SLA-RESOLVE)
 * @param lowScoreSeverity  severity of complaints opened by the low-survey-score rule
 * @param defaultCurrency   currency of a resolution without compensation
 * @param slaCheckInterval  how often the CP-SLA-BREACH rule looks for overdue complaints
 * @param slaCheckBatch     the most complaints one check escalates
 */
@ConfigurationProperties("aftersales.feedback.complaints")
public record ComplaintProperties(Map<Severity, Duration> acknowledgeWithin, Map<Severity, Duration> resolveWithin,
                                  Severity lowScoreSeverity, String defaultCurrency, Duration slaCheckInterval,
                                  int slaCheckBatch) {

    public ComplaintProperties {
        for (Severity severity : Severity.values()) {
            if (acknowledgeWithin == null || !acknowledgeWithin.containsKey(severity)
                    || resolveWithin == null || !resolveWithin.containsKey(severity)) {
                throw new IllegalArgumentException("complaint SLA durations are needed for every severity; missing " + severity);
            }
        }
    }
}
