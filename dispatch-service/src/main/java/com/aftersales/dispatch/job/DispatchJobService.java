package com.aftersales.dispatch.job;

import com.aftersales.contracts.fault.FaultCategories;
import com.aftersales.dispatch.technician.Skill;

import com.aftersales.dispatch.charge.WarrantyCovers;
import com.aftersales.dispatch.shared.DispatchMetrics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.DispatchJobQueued;
import com.aftersales.contracts.ticket.TicketAmended;
import com.aftersales.contracts.ticket.TicketChargeBasisCommunicated;
import com.aftersales.contracts.ticket.TicketOpened;
import com.aftersales.contracts.ticket.TicketStatusChanged;
import com.aftersales.contracts.dispatch.TechnicianUnassigned;
import com.aftersales.dispatch.shared.GeoPoint;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.dispatch.technician.TechnicianWorkEvents;
import com.aftersales.platform.outbox.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@Service
public class DispatchJobService {

    static final String RULE_CANCEL_WITH_TICKET = "cancel-with-ticket";
    static final String RULE_VISIT_REQUESTED = "visit-requested-by-agent";
    /** The ticket status in which a technician is wanted. */
    static final String VISIT_REQUESTED_STATUS = "AWAITING_TECHNICIAN";
    static final String SYSTEM = "system:dispatch-service";

    private static final Logger log = LoggerFactory.getLogger(DispatchJobService.class);

    private final DispatchJobRepository jobs;
    private final TicketsWithoutJobRepository ticketsWithoutJob;
    private final EventPublisher events;
    private final TechnicianWorkEvents technicianEvents;
    private final ApplicationEventPublisher inProcess;
    private final VisitRequirement visitRequirement;
    private final java.util.Set<String> cancelOnTicketStatuses;
    private final Clock clock;
    private final MeterRegistry meters;
    private final WarrantyCovers warrantyCovers;

    DispatchJobService(DispatchJobRepository jobs, TicketsWithoutJobRepository ticketsWithoutJob, EventPublisher events,
                       TechnicianWorkEvents technicianEvents, ApplicationEventPublisher inProcess,
                       DispatchProperties properties, Clock clock, MeterRegistry meters, WarrantyCovers warrantyCovers) {
        this.warrantyCovers = warrantyCovers;
        this.jobs = jobs;
        this.ticketsWithoutJob = ticketsWithoutJob;
        this.events = events;
        this.technicianEvents = technicianEvents;
        this.inProcess = inProcess;
        this.visitRequirement = new VisitRequirement(properties.visitTicketTypes());
        this.cancelOnTicketStatuses = java.util.Set.copyOf(properties.cancelOnTicketStatuses());
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A ticket was opened: queue a job when it needs a visit (held when out of warranty without a charge basis).
     * A ticket that needs none is remembered, so that a job can be queued if an agent later sends a technician.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ticketOpened(TicketOpened ticket) {
        warrantyCovers.record(ticket.ticketId(), ticket.warranty());
        VisitRequirement.Decision decision = visitRequirement.decide(ticket.ticketType());
        if (!decision.visitNeeded()) {
            log.info("Ticket {} needs no visit ({})", ticket.ticketId(), decision.explanation());
            ticketsWithoutJob.remember(ticket);
            return;
        }
        queue(ticket, decision.explanation());
    }

    private void queue(TicketOpened ticket, String reason) {
        String holdReason = JobIntakeRules.holdReason(ticket.entitlement(), ticket.chargeBasisCommunicated());
        TicketOpened.SlaDueTimes sla = ticket.sla();
        DispatchJob job = new DispatchJob(UUID.randomUUID(), ticket.ticketId(), ticket.customerId(), ticket.serialNumber(),
                ticket.productId(), ticket.model(), ticket.batchNumber(), Skill.productCategory(ticket.productCategory()), FaultCategories.normalise(ticket.faultCategory()),
                ticket.faultCode(), ticket.faultDescription(), ticket.priority(), ticket.customerTier(), ticket.regionCode(),
                GeoPoint.ofNullable(ticket.latitude(), ticket.longitude()), ticket.entitlement(),
                sla == null ? null : sla.onSiteDueAt(), sla == null ? null : sla.onSiteTargetAt(),
                holdReason == null ? DispatchJobStatus.AWAITING_ASSIGNMENT : DispatchJobStatus.HELD,
                reason, holdReason, JobIntakeRules.autoAssignBlocked(ticket.latitude(), ticket.longitude()),
                null, null, null, clock.instant().truncatedTo(ChronoUnit.MICROS), 0);
        if (!jobs.insertIfAbsent(job)) {
            log.info("Ticket {} already has a dispatch job; nothing queued", ticket.ticketId());
            return;
        }
        events.publish(DispatchEvents.DISPATCH_JOB_QUEUED, ticket.ticketId().toString(), new DispatchJobQueued(
                job.id(), job.ticketId(), job.model(), job.faultCategory(), job.queuedAt()));
        meters.counter(DispatchMetrics.JOBS_QUEUED, "priority", DispatchMetrics.priority(job.ticketPriority()),
                "region", DispatchMetrics.region(job.regionCode()), "held", String.valueOf(holdReason != null)).increment();
        if (holdReason == null) {
            inProcess.publishEvent(JobReadyForAssignment.queued(job));
        } else {
            log.info("Job {} of ticket {} held: {}", job.id(), ticket.ticketId(), holdReason);
        }
    }

    /**
     * The ticket was amended: a job not yet ended plans with the ticket's new priority, fault and on-site promise
     * (the due times the ticket's SLA clocks now have). An assignment already made stands.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ticketAmended(TicketAmended amended) {
        jobs.findByTicket(amended.ticketId()).ifPresentOrElse(job -> {
            if (!job.isOpen()) {
                log.info("Job {} is {}; amendment of ticket {} noted", job.id(), job.status(), amended.ticketId());
                return;
            }
            TicketOpened.SlaDueTimes sla = amended.sla();
            jobs.updateTicketFacts(job.amended(amended.priority(), FaultCategories.normalise(amended.faultCategory()), amended.faultCode(),
                    amended.faultDescription(), sla == null ? job.onSiteDueAt() : sla.onSiteDueAt(),
                    sla == null ? job.onSiteTargetAt() : sla.onSiteTargetAt()));
        }, () -> ticketsWithoutJob.amend(amended));
    }

    /** The customer was told the charge basis: a held job becomes assignable. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void chargeBasisCommunicated(TicketChargeBasisCommunicated event) {
        jobs.findByTicket(event.ticketId()).ifPresentOrElse(job -> {
            if (job.status() != DispatchJobStatus.HELD) {
                log.info("Job {} is {}, not held; charge basis noted", job.id(), job.status());
                return;
            }
            jobs.update(job.withStatus(DispatchJobStatus.AWAITING_ASSIGNMENT));
            inProcess.publishEvent(JobReadyForAssignment.released(job.id()));
        }, () -> log.info("Charge basis communicated for ticket {} that has no dispatch job", event.ticketId()));
    }

    /**
     * Whether a ticket's status change can concern its job: a visit requested (rule {@value #RULE_VISIT_REQUESTED}) or
     * a status that cancels the job (rule {@value #RULE_CANCEL_WITH_TICKET}). The others (most of them: every
     * assignment, visit and resolution reported back) are skipped before any transaction. So is a ticket awaiting a
     * technician because it follows this service (a job queued or released, reported back under this service's
     * actor): that job exists, so the rule has nothing to do, and every ticket with a visit comes back this way once.
     */
    public boolean concernsJob(TicketStatusChanged change) {
        if (VISIT_REQUESTED_STATUS.equals(change.toStatus())) {
            return !SYSTEM.equals(change.actor());
        }
        return cancelOnTicketStatuses.contains(change.toStatus());
    }

    /**
     * Rule {@value #RULE_CANCEL_WITH_TICKET}: a ticket resolved remotely or closed before its visit
     * started needs no technician any more; an assigned technician is released.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ticketStatusChanged(TicketStatusChanged change) {
        if (VISIT_REQUESTED_STATUS.equals(change.toStatus())) {
            // Rule visit-requested-by-agent: a ticket that needed no visit at intake gets a job once it is sent to
            // a technician; tickets that already have one are left alone.
            if (jobs.findByTicket(change.ticketId()).isEmpty()) {
                ticketsWithoutJob.facts(change.ticketId()).ifPresentOrElse(
                        facts -> queue(facts, RULE_VISIT_REQUESTED + ": ticket moved " + change.fromStatus() + " → "
                                + change.toStatus() + " by " + change.actor()),
                        () -> log.info("Ticket {} awaits a technician but its opening is unknown here", change.ticketId()));
            }
            return;
        }
        if (!cancelOnTicketStatuses.contains(change.toStatus())) {
            return;
        }
        jobs.findByTicket(change.ticketId()).flatMap(j -> jobs.findForUpdate(j.id())).ifPresent(job -> {
            if (job.status() != DispatchJobStatus.HELD && job.status() != DispatchJobStatus.AWAITING_ASSIGNMENT
                    && job.status() != DispatchJobStatus.ASSIGNED) {
                return;
            }
            String reason = RULE_CANCEL_WITH_TICKET + ": ticket became " + change.toStatus();
            java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            jobs.update(job.withStatus(DispatchJobStatus.CANCELLED));
            if (job.technicianId() != null) {
                jobs.log(job.id(), job.technicianId(), "UNASSIGNED", "CANCELLED", SYSTEM, reason, null, null, now);
                technicianEvents.publish(DispatchEvents.TECHNICIAN_UNASSIGNED, job.ticketId().toString(),
                        new TechnicianUnassigned(job.id(), job.ticketId(), job.technicianId(), "CANCELLED", reason, SYSTEM,
                                now), job.technicianId());
            }
            meters.counter(DispatchMetrics.JOBS_CANCELLED).increment();
        });
    }

    @Transactional(readOnly = true)
    public DispatchJob job(UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("dispatch job", id));
    }

    @Transactional(readOnly = true)
    public DispatchJob jobForTicket(UUID ticketId) {
        return jobs.findByTicket(ticketId).orElseThrow(() -> new NotFoundException("dispatch job for ticket", ticketId));
    }

    @Transactional(readOnly = true)
    /**
     * {@code technicianId} limits the list to one technician's jobs (his scope); null = all. Oldest first, after the
     * keyset position ({@code afterQueuedAt}, {@code afterId}; null: from the start).
     */
    public List<DispatchJob> jobs(DispatchJobStatus status, UUID technicianId, Instant afterQueuedAt, UUID afterId,
                                  int limit) {
        return jobs.byStatus(status, technicianId, afterQueuedAt, afterId, limit);
    }

    @Transactional(readOnly = true)
    public List<DispatchJobRepository.AssignmentLogEntry> history(UUID jobId) {
        job(jobId);
        return jobs.history(jobId);
    }
}
