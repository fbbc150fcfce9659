package com.aftersales.ticket.ticket;

import com.aftersales.contracts.Topics;
import com.aftersales.contracts.dispatch.DepotRepairRequested;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.DispatchJobQueued;
import com.aftersales.contracts.dispatch.PartsConsumed;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.TechnicianUnassigned;
import com.aftersales.contracts.dispatch.VisitCompleted;
import com.aftersales.contracts.dispatch.VisitScheduled;
import com.aftersales.contracts.dispatch.VisitStarted;
import com.aftersales.platform.inbox.EventHandlers;
import com.aftersales.platform.inbox.InboundEventProcessor;
import com.aftersales.platform.kafka.KafkaPlatformConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

import java.util.stream.Collectors;

/**
 * Moves tickets as dispatch-service reports on them and records every report in the ticket's timeline,
 * so that an agent sees assignment, visits, parts and depot repair in one place.
 */
@Component
class DispatchEventsListener {

    private final InboundEventProcessor inbound;
    private final EventHandlers handlers;

    /** TechnicianUnassigned cause when dispatch cancels the job because the ticket ended. */
    static final String CANCELLED_WITH_TICKET = "CANCELLED";

    DispatchEventsListener(InboundEventProcessor inbound, TicketService tickets) {
        this.inbound = inbound;
        this.handlers = EventHandlers.builder()
                .on(DispatchEvents.DISPATCH_JOB_QUEUED, event -> {
                    DispatchJobQueued queued = event.data();
                    tickets.dispatchJobQueued(queued.ticketId(), queued.jobId());
                })
                .on(DispatchEvents.TECHNICIAN_ASSIGNED, event -> {
                    TechnicianAssigned a = event.data();
                    tickets.followDispatch(a.ticketId(), TicketStatus.TECHNICIAN_ASSIGNED, TimelineText.of(
                            "Technician " + a.technicianName() + " assigned (" + a.mode() + " by " + a.assignedBy() + ")"
                                    + (a.explanation() == null ? "" : ": " + a.explanation()),
                            "timeline.technician-assigned", a.technicianName(), a.mode(), a.assignedBy()),
                            t -> t.assignTechnician(a.technicianId().toString()));
                })
                .on(DispatchEvents.TECHNICIAN_UNASSIGNED, event -> {
                    TechnicianUnassigned u = event.data();
                    // CANCELLED follows the ticket's own end (resolved remotely, closed): nothing to wait for.
                    TicketStatus next = CANCELLED_WITH_TICKET.equals(u.cause()) ? null : TicketStatus.AWAITING_TECHNICIAN;
                    tickets.followDispatch(u.ticketId(), next, TimelineText.of(
                            "Technician unassigned (" + u.cause() + ")" + (u.reason() == null ? "" : ": " + u.reason()),
                            u.reason() == null ? "timeline.technician-unassigned" : "timeline.technician-unassigned-reason",
                            u.cause(), u.reason()),
                            t -> t.assignTechnician(null));
                })
                .on(DispatchEvents.VISIT_SCHEDULED, event -> {
                    VisitScheduled s = event.data();
                    tickets.followDispatch(s.ticketId(), null, TimelineText.of((s.rescheduled() ? "Visit rescheduled" : "Visit scheduled")
                            + " for " + s.windowStart() + " – " + s.windowEnd()
                            + (s.reason() == null ? "" : " (" + s.reason() + ")"),
                            s.rescheduled() ? "timeline.visit-rescheduled" : "timeline.visit-scheduled", s.windowStart(), s.windowEnd()),
                            null);
                })
                .on(DispatchEvents.VISIT_STARTED, event -> {
                    VisitStarted s = event.data();
                    tickets.followDispatch(s.ticketId(), TicketStatus.ON_SITE, TimelineText.of(
                            "Technician on site, visit " + s.visitId(), "timeline.on-site", s.visitId()), null);
                })
                .on(DispatchEvents.VISIT_COMPLETED, event -> {
                    VisitCompleted c = event.data();
                    tickets.visitCompleted(c.ticketId(), c.outcome(), c.cause(), c.fix(), c.faultCategory(), c.faultCode(),
                            c.firstTimeFix());
                })
                .on(DispatchEvents.PARTS_CONSUMED, event -> {
                    PartsConsumed p = event.data();
                    String parts = p.parts().stream().map(part -> part.quantity() + " × " + part.partNumber())
                            .collect(Collectors.joining(", "));
                    tickets.followDispatch(p.ticketId(), null, TimelineText.of("Parts used: " + parts, "timeline.parts-used", parts),
                            null);
                })
                .on(DispatchEvents.DEPOT_REPAIR_REQUESTED, event -> {
                    DepotRepairRequested d = event.data();
                    tickets.followDispatch(d.ticketId(), TicketStatus.IN_DEPOT_REPAIR, TimelineText.of("Unit taken to depot"
                            + (d.depotCode() == null ? "" : " " + d.depotCode()) + ", authorised by " + d.authorisedBy(),
                            "timeline.depot-requested", d.depotCode(), d.authorisedBy()), null);
                })
                .build();
    }

    /**
     * A poll at a time, in one transaction (see {@link InboundEventProcessor#processBatch}): dispatch reports several
     * events per ticket (job queued, assigned, status of each visit), one commit each before.
     */
    @KafkaListener(topics = Topics.DISPATCH, containerFactory = KafkaPlatformConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbound.processBatch(records, handlers);
    }
}
