package com.aftersales.ticket.ticket;

import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases on tickets. Each runs in one transaction with the events it publishes (outbox). */
@Service
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final TicketRepository tickets;
    private final EventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    TicketService(TicketRepository tickets, EventPublisher events, Clock clock, MeterRegistry meters) {
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** Opens a ticket; must run inside the caller's transaction (the Idempotency-Key is part of it). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ticket open(OpenTicketRequest request, String actor) {
        Ticket ticket = Ticket.open(UUID.randomUUID(), request.customerId(), request.serialNumber(), request.model(),
                request.ticketType(), request.channel(), request.priorityOrDefault(), request.faultCategory(),
                request.faultDescription(), actor, now());
        tickets.insert(ticket);
        events.publish(TicketEvents.TICKET_OPENED, ticket.id().toString(), new TicketOpened(ticket.id(),
                ticket.customerId(), ticket.serialNumber(), ticket.model(), ticket.type().name(), ticket.channel().name(),
                ticket.priority().name(), ticket.faultCategory(), ticket.faultDescription(), ticket.openedAt()));
        meters.counter("aftersales.tickets.opened", "type", ticket.type().name(), "channel", ticket.channel().name())
                .increment();
        return ticket;
    }

    /**
     * dispatch-service queued a visit for the ticket. Tolerates redelivery and reordering: a ticket
     * that is already past waiting for a technician is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dispatchJobQueued(UUID ticketId, UUID jobId) {
        Ticket ticket = tickets.findForUpdate(ticketId)
                .orElseThrow(() -> new IllegalStateException("dispatch queued a job for unknown ticket " + ticketId));
        if (!ticket.status().canMoveTo(TicketStatus.AWAITING_TECHNICIAN)) {
            log.info("Ticket {} is {}; dispatch job {} queued notice does not move it", ticketId, ticket.status(), jobId);
            return;
        }
        changeStatus(ticket, TicketStatus.AWAITING_TECHNICIAN, "system:dispatch-service",
                "Dispatch job " + jobId + " queued for technician assignment");
    }

    @Transactional(readOnly = true)
    public TicketDetails details(UUID id) {
        Ticket ticket = tickets.find(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        return new TicketDetails(ticket, tickets.timeline(id));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(UUID id) {
        tickets.find(id).orElseThrow(() -> ProblemException.notFound("ticket", id));
        return tickets.timeline(id);
    }

    /** Microseconds: what PostgreSQL keeps, so that a response and a later read agree. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void changeStatus(Ticket ticket, TicketStatus next, String actor, String reason) {
        TicketStatus from = ticket.status();
        ticket.moveTo(next, actor, reason, now());
        tickets.update(ticket);
        events.publish(TicketEvents.TICKET_STATUS_CHANGED, ticket.id().toString(), new TicketStatusChanged(
                ticket.id(), from.name(), next.name(), actor, reason, ticket.updatedAt()));
    }

    /** A ticket with its timeline, as read for the API. */
    public record TicketDetails(Ticket ticket, List<TimelineEntry> timeline) {
    }
}
