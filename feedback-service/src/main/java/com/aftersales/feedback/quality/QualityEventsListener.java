package com.aftersales.feedback.quality;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DepotRepairRequested;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Projects units, tickets and failures for the quality loop. Its own consumer group, so that it reads
 * every partition of both topics and can be rebuilt without touching the other projections.
 */
@Component
class QualityEventsListener {

    static final String GROUP = "feedback-service.quality";
    static final String LISTENER_ID = "quality-projection";
    static final List<String> TOPICS = List.of(Topics.TICKETS, Topics.DISPATCH);
    /** The projection's tables; alerts are decisions with published events, never rebuilt. */
    static final List<String> TABLES = List.of("quality_unit", "quality_ticket", "quality_fault");
    static final String REPAIR = "REPAIR";

    private final InboundEventProcessor inbound;
    private final QualityProjectionRepository projection;
    private final QualityProperties properties;
    private final EventHandlers handlers;

    QualityEventsListener(InboundEventProcessor inbound, QualityProjectionRepository projection, QualityProperties properties) {
        this.inbound = inbound;
        this.projection = projection;
        this.properties = properties;
        this.handlers = EventHandlers.builder()
                .on(TicketEvents.PRODUCT_REGISTERED, e -> projection.unit(e.data().product(), e.data().registeredAt()))
                .on(TicketEvents.PRODUCT_UPDATED, e -> projection.unit(e.data().product(), e.data().updatedAt()))
                .on(TicketEvents.TICKET_OPENED, e -> ticketOpened(e.data()))
                .on(DispatchEvents.VISIT_COMPLETED, e -> visitCompleted(e.data()))
                .on(DispatchEvents.DEPOT_REPAIR_REQUESTED, e -> depotRepair(e.data()))
                .build();
    }

    /** A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}). */
    @KafkaListener(id = LISTENER_ID, topics = {Topics.TICKETS, Topics.DISPATCH}, groupId = GROUP,
            containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }

    EventHandlers handlers() {
        return handlers;
    }

    private void ticketOpened(TicketOpened t) {
        // Until visits carry diagnoses everywhere, the agent's code is the only failure record of a repair ticket;
        // it is labelled TICKET_INTAKE and replaced as soon as a visit or depot record arrives.
        String code = t.faultCode() != null ? t.faultCode() : t.faultCategory();
        boolean intakeFault = properties.includeTicketIntakeFaults() && REPAIR.equals(t.ticketType()) && code != null;
        projection.ticket(t, intakeFault ? code : null);
    }

    private void visitCompleted(VisitCompleted v) {
        if (v.faultCode() != null) {
            // v1.1 visits name the unit themselves; v1.0 ones are joined to their ticket at scan time.
            projection.fault(v.ticketId(), FaultSource.VISIT, v.faultCode(), v.productId(), v.model(), v.serialNumber(), v.completedAt());
        }
    }

    private void depotRepair(DepotRepairRequested d) {
        if (d.faultCode() != null) {
            projection.fault(d.ticketId(), FaultSource.DEPOT, d.faultCode(), d.productId(), d.model(), d.serialNumber(), d.requestedAt());
        }
    }
}
