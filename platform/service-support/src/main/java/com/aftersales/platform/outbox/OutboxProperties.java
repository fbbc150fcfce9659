package com.aftersales.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollInterval   how often the relay looks for unpublished events when nothing woke it: the safety net for a
 *                       lost commit notification (normally the relay runs as soon as the writing transaction commits)
 * @param batchSize      events sent per relay transaction
 * @param sendTimeout    how long the relay waits for the broker to acknowledge a batch
 * @param retention      how long published events are kept for inspection before the platform's retention job deletes
 *                       them ({@code aftersales.retention.*} sets how often and in which batches)
 */
@ConfigurationProperties("aftersales.outbox")
public record OutboxProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}
