package com.aftersales.returns.ticketref;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/** Keeps {@code ticket_reference} up to date from ticket events. */
@Component
class TicketReferenceListener {

    private final InboundEventProcessor inbound;
    private final EventHandlers handlers;

    TicketReferenceListener(InboundEventProcessor inbound, JdbcClient jdbc) {
        this.inbound = inbound;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.TICKET_OPENED, event -> {
                    TicketOpened ticket = event.data();
                    jdbc.sql("""
                                    insert into ticket_reference (ticket_id, customer_id, serial_number, model, ticket_type, opened_at,
                                           store_code)
                                    values (:ticketId, :customerId, :serial, :model, :type, :openedAt, :store)
                                    on conflict (ticket_id) do nothing""")
                            .param("ticketId", ticket.ticketId())
                            .param("customerId", ticket.customerId())
                            .param("serial", ticket.serialNumber())
                            .param("model", ticket.model())
                            .param("type", ticket.ticketType())
                            .param("openedAt", Timestamp.from(ticket.openedAt()))
                            .param("store", ticket.storeCode())
                            .update();
                })
                .build();
    }

    @KafkaListener(topics = Topics.TICKETS)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
