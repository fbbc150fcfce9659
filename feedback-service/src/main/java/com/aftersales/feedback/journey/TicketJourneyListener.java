package com.aftersales.feedback.journey;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.Topics;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Projects ticket events into {@code ticket_journey} and its steps. */
@Component
class TicketJourneyListener {

    private final InboundEventProcessor inbound;
    private final TicketJourneyRepository journeys;
    private final EventHandlers handlers;

    TicketJourneyListener(InboundEventProcessor inbound, TicketJourneyRepository journeys) {
        this.inbound = inbound;
        this.journeys = journeys;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.TICKET_OPENED, event -> journeys.opened(event.data()))
                .on(TicketEvents.TICKET_STATUS_CHANGED, event -> journeys.statusChanged(event.data()))
                .build();
    }

    /** A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}). */
    @KafkaListener(topics = Topics.TICKETS, containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }
}
