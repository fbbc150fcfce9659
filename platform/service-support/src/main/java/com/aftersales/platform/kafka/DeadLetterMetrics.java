package com.aftersales.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaUtils;

/** Counts records sent to dead-letter topics, by source topic and consumer group (alerted on in Prometheus). */
final class DeadLetterMetrics {

    private final MeterRegistry meters;

    DeadLetterMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void recordDeadLettered(ConsumerRecord<?, ?> record, Exception cause) {
        String group = KafkaUtils.getConsumerGroupId();
        meters.counter("aftersales.events.dead.lettered",
                "topic", record.topic(),
                "group", group == null ? "unknown" : group,
                "reason", cause.getCause() == null ? cause.getClass().getSimpleName() : cause.getCause().getClass().getSimpleName())
                .increment();
    }
}
