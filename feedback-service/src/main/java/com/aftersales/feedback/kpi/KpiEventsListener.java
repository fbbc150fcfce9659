package com.aftersales.feedback.kpi;

import com.aftersales.contracts.Topics;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Feeds the KPI projection from every topic it measures; its own consumer group, so it can be rebuilt alone. */
@Component
class KpiEventsListener {

    static final String GROUP = "feedback-service.kpi";
    static final String LISTENER_ID = "kpi-projection";
    /** Bound (and checked) as {@link KpiProperties.Listener#maxPollRecords()}. */
    static final String MAX_POLL_RECORDS_PROPERTY = "aftersales.feedback.kpis.listener.max-poll-records";

    private final InboundEventProcessor inbound;
    private final KpiProjection projection;

    KpiEventsListener(InboundEventProcessor inbound, KpiProjection projection) {
        this.inbound = inbound;
        this.projection = projection;
    }

    /**
     * A poll at a time, in one transaction: after an outage the projection catches up at batch speed. Its polls are
     * larger than the other listeners' (Kafka's 500): what a transaction costs whatever its size (the markers', loads'
     * and writes' statements, the commit) is shared by more events.
     */
    @KafkaListener(id = LISTENER_ID, topics = {Topics.TICKETS, Topics.DISPATCH, Topics.RETURNS, Topics.FEEDBACK}, groupId = GROUP,
            containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY,
            properties = ConsumerConfig.MAX_POLL_RECORDS_CONFIG + "=${" + MAX_POLL_RECORDS_PROPERTY + "}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, projection.handlers());
    }
}
