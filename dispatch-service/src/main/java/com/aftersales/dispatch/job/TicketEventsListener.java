package com.aftersales.dispatch.job;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class TicketEventsListener {

    private final InboundEventProcessor inbound;
    private final EventHandlers handlers;

    TicketEventsListener(InboundEventProcessor inbound, DispatchJobService jobs) {
        this.inbound = inbound;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.TICKET_OPENED, event -> jobs.ticketOpened(event.data()))
                .on(TicketEvents.TICKET_STATUS_CHANGED, jobs::concernsJob, event -> jobs.ticketStatusChanged(event.data()))
                .on(TicketEvents.TICKET_AMENDED, event -> jobs.ticketAmended(event.data()))
                .on(TicketEvents.TICKET_CHARGE_BASIS_COMMUNICATED, event -> jobs.chargeBasisCommunicated(event.data()))
                .build();
    }

    @KafkaListener(topics = Topics.TICKETS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
