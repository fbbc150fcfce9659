package com.aftersales.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Counts records sent to dead-letter topics, by source topic and consumer group (alerted on in Prometheus). Each
 * consumer's topics start at zero with reason {@code none}, so that the series exist before the first failure.
 */
final class DeadLetterMetrics {

    static final String NAME = "aftersales.events.dead.lettered";

    private final MeterRegistry meters;

    DeadLetterMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Called when a listener container starts: its topics, at zero. */
    void registerZero(String group, String[] topics) {
        if (topics == null) {
            return;
        }
        for (String topic : topics) {
            meters.counter(NAME, "topic", topic, "group", group == null ? "unknown" : group, "reason", "none");
        }
    }

    void recordDeadLettered(ConsumerRecord<?, ?> record, Exception cause) {
        String group = KafkaUtils.getConsumerGroupId();
        meters.counter(NAME,
                "topic", record.topic(),
                "group", group == null ? "unknown" : group,
                "reason", cause.getCause() == null ? cause.getClass().getSimpleName() : cause.getCause().getClass().getSimpleName())
                .increment();
    }
}
