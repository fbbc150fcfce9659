package com.aftersales.feedback.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code aftersales.feedback.quality.*}; defaults in application.yml.
 *
 * @param detection                the detector's rule numbers
 * @param scanInterval             how often the scheduled scan runs
 * @param includeTicketIntakeFaults count the fault code the agent chose at intake for REPAIR tickets, until a visit
 *                                 or depot record of the ticket replaces it with a diagnosis
 */
@ConfigurationProperties("aftersales.feedback.quality")
public record QualityProperties(DetectionSettings detection, Duration scanInterval, boolean includeTicketIntakeFaults) {
}
