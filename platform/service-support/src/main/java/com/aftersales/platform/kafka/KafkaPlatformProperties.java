package com.aftersales.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retry  in-place retries of a failing record before it goes to the dead-letter topic; in place
 *               (blocking) so that later events of the same ticket never overtake an earlier one
 * @param topics topics the service makes sure exist at start-up
 * @param healthTimeout how long the readiness check waits for the broker
 */
@ConfigurationProperties("aftersales.kafka")
public record KafkaPlatformProperties(
        @DefaultValue Retry retry,
        @DefaultValue Topics topics,
        @DefaultValue("3s") Duration healthTimeout) {

    public record Retry(
            @DefaultValue("4") int maxRetries,
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval) {
    }

    public record Topics(
            @DefaultValue("true") boolean create,
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor) {
    }
}
