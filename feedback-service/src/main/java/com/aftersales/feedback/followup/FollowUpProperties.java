package com.aftersales.feedback.followup;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * {@code aftersales.feedback.follow-ups.*}; defaults in application.yml.
 *
 * @param cadence how often a customer of each tier is contacted (rule FU-TIER-&lt;tier&gt;)
 */
@ConfigurationProperties("aftersales.feedback.follow-ups")
public record FollowUpProperties(Map<String, Duration> cadence) {
}
