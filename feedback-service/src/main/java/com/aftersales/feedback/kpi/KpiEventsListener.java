package com.aftersales.feedback.kpi;

import com.aftersales.contracts.Topics;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Feeds the KPI projection from every topic it measures; its own consumer group, so it can be rebuilt alone. */
@Component
class KpiEventsListener {

    static final String GROUP = "feedback-service.kpi";
    static final String LISTENER_ID = "kpi-projection";

    private final InboundEventProcessor inbound;
    private final KpiProjection projection;

    KpiEventsListener(InboundEventProcessor inbound, KpiProjection projection) {
        this.inbound = inbound;
        this.projection = projection;
    }

    /** A poll at a time, in one transaction: after an outage the projection catches up at batch speed. */
    @KafkaListener(id = LISTENER_ID, topics = {Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS, Topics.FEEDBACK}, groupId = GROUP,
            containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, projection.handlers());
    }
}
