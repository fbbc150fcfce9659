package com.aftersales.returns.depot;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Creates depot repair orders from dispatch's {@code aftersales.dispatch.depot-repair-requested.v1}. A request
 * whose category no depot repairs fails and goes to the DLT; replay it once a depot is registered.
 */
@Component
class DispatchEventsListener {

    private final InboundEventProcessor inbound;
    private final EventHandlers handlers;

    DispatchEventsListener(InboundEventProcessor inbound, DepotService depots) {
        this.inbound = inbound;
        this.handlers = EventHandlers.builder()
                .on(DispatchEvents.DEPOT_REPAIR_REQUESTED, event -> depots.fromDispatch(event.data()))
                .build();
    }

    @KafkaListener(topics = Topics.DISPATCH)
    void on(ConsumerRecord<String, byte[]> record) {
        inbound.process(record, handlers);
    }
}
