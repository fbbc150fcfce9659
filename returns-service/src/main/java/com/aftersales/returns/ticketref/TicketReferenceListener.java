package com.aftersales.returns.ticketref;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.Topics;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps {@code ticket_reference} up to date from ticket events (the SQL is the repository's). */
@Component
class TicketReferenceListener {

    private final InboundEventProcessor inbound;
    private final EventHandlers handlers;

    TicketReferenceListener(InboundEventProcessor inbound, TicketReferenceRepository references) {
        this.inbound = inbound;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.TICKET_OPENED, event -> {
                    references.remember(event.data());
                })
                .build();
    }

    /** A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}): one commit per poll. */
    @KafkaListener(topics = Topics.TICKETS, containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }
}
