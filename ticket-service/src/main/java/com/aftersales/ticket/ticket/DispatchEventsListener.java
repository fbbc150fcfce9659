package com.aftersales.ticket.ticket;

import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchJobQueued;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Moves tickets as dispatch-service reports on them. */
@Component
class DispatchEventsListener {

    private final InboundEventProcessor inbound;
    private final EventHandlers handlers;

    DispatchEventsListener(InboundEventProcessor inbound, TicketService tickets) {
        this.inbound = inbound;
        this.handlers = EventHandlers.builder()
                .on(DispatchEvents.DISPATCH_JOB_QUEUED, event -> {
                    DispatchJobQueued queued = event.data();
                    tickets.dispatchJobQueued(queued.ticketId(), queued.jobId());
                })
                .build();
    }

    @KafkaListener(topics = Topics.DISPATCH)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
