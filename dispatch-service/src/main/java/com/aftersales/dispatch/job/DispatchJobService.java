package com.aftersales.dispatch.job;

import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.DispatchJobQueued;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.platform.outbox.EventPublisher;
import com.aftersales.platform.web.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@Service
public class DispatchJobService {

    private static final Logger log = LoggerFactory.getLogger(DispatchJobService.class);

    private final DispatchJobRepository jobs;
    private final EventPublisher events;
    private final VisitRequirement visitRequirement;
    private final Clock clock;
    private final MeterRegistry meters;

    DispatchJobService(DispatchJobRepository jobs, EventPublisher events, DispatchProperties properties, Clock clock,
                       MeterRegistry meters) {
        this.jobs = jobs;
        this.events = events;
        this.visitRequirement = new VisitRequirement(properties.visitTicketTypes());
        this.clock = clock;
        this.meters = meters;
    }

    /** A ticket was opened: queue a job when it needs a visit, and say so to the other services. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ticketOpened(TicketOpened ticket) {
        VisitRequirement.Decision decision = visitRequirement.decide(ticket.ticketType());
        if (!decision.visitNeeded()) {
            log.info("Ticket {} needs no visit ({})", ticket.ticketId(), decision.explanation());
            return;
        }
        DispatchJob job = DispatchJob.queue(ticket.ticketId(), ticket.model(), ticket.faultCategory(), ticket.priority(),
                decision.explanation(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!jobs.insertIfAbsent(job)) {
            log.info("Ticket {} already has a dispatch job; nothing queued", ticket.ticketId());
            return;
        }
        events.publish(DispatchEvents.DISPATCH_JOB_QUEUED, ticket.ticketId().toString(), new DispatchJobQueued(
                job.id(), job.ticketId(), job.model(), job.faultCategory(), job.queuedAt()));
        meters.counter("aftersales.dispatch.jobs.queued", "priority", job.ticketPriority()).increment();
    }

    @Transactional(readOnly = true)
    public DispatchJob job(UUID id) {
        return jobs.find(id).orElseThrow(() -> ProblemException.notFound("dispatch job", id));
    }

    @Transactional(readOnly = true)
    public DispatchJob jobForTicket(UUID ticketId) {
        return jobs.findByTicket(ticketId).orElseThrow(() -> ProblemException.notFound("dispatch job for ticket", ticketId));
    }
}
