package com.aftersales.platform.partner;

import com.aftersales.platform.outbox.OutboxProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.partner-deliveries}: copies of events for partner depots' topics (optional; a service that sends
 * partners work turns it on).
 *
 * @param enabled                whether this service delivers to partner topics (wires {@link PartnerDeliveries} and its relay)
 * @param pollInterval           pause between relay runs when no commit notification woke it (the safety net)
 * @param batchSize              deliveries sent per relay transaction
 * @param sendTimeout            how long to wait for the broker's acknowledgements
 * @param retention              how long sent deliveries are kept for inspection before the platform's retention job
 *                               deletes them
 * @param topicPartitions        partitions of a partner topic this service creates (its replication factor is the
 *                               platform topics', {@code aftersales.kafka.topics.replication-factor})
 */
@ConfigurationProperties("aftersales.partner-deliveries")
public record PartnerDeliveryProperties(@DefaultValue("false") boolean enabled,
                                        @DefaultValue("1s") Duration pollInterval,
                                        @DefaultValue("200") int batchSize,
                                        @DefaultValue("15s") Duration sendTimeout,
                                        @DefaultValue("7d") Duration retention,
                                        @DefaultValue("1") int topicPartitions) {

    /** The relay's settings, in the shape every table relay takes. */
    OutboxProperties relay() {
        return new OutboxProperties(pollInterval, batchSize, sendTimeout, retention);
    }
}
