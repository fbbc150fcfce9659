package com.aftersales.feedback.customer;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** Projects customer profiles; a ticket's customerTier (v1.1) refreshes the tier if the profile has none. */
@Component
class CustomerProfileListener {

    static final String GROUP = "feedback-service.customers";

    private final InboundEventProcessor inbound;
    private final CustomerProfileRepository profiles;
    private final EventHandlers handlers;

    CustomerProfileListener(InboundEventProcessor inbound, CustomerProfileRepository profiles) {
        this.inbound = inbound;
        this.profiles = profiles;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.CUSTOMER_REGISTERED, e -> profiles.registered(e.data()))
                .on(TicketEvents.CUSTOMER_UPDATED, e -> profiles.updated(e.data()))
                .on(TicketEvents.TICKET_OPENED, e -> profiles.ticketOpened(e.data()))
                .build();
    }

    /**
     * A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}): one inbox marker and one
     * commit per poll instead of per event, for a consumer that sees every ticket opened.
     */
    @KafkaListener(topics = Topics.TICKETS, groupId = GROUP, containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }
}
