package com.aftersales.returns.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.returns.partner-relay}: how the partner deliveries are relayed.
 *
 * @param interval        pause between relay runs (bounds the added latency)
 * @param batchSize       deliveries sent per relay transaction
 * @param sendTimeout     how long to wait for the broker's acknowledgements
 * @param topicPartitions partitions of a partner topic created when a partner depot is registered
 * @param retention       how long sent deliveries are kept for inspection before they are deleted
 * @param cleanupInterval how often sent deliveries older than the retention are deleted
 */
@ConfigurationProperties("aftersales.returns.partner-relay")
public record PartnerRelayProperties(@DefaultValue("200ms") Duration interval, @DefaultValue("200") int batchSize,
                                     @DefaultValue("15s") Duration sendTimeout, @DefaultValue("1") int topicPartitions,
                                     @DefaultValue("7d") Duration retention,
                                     @DefaultValue("10m") Duration cleanupInterval) {
}
