package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.shared.DispatchMetrics;
import com.aftersales.contracts.dispatch.DispatchEvents;
import com.aftersales.contracts.dispatch.TechnicianAssigned;
import com.aftersales.contracts.dispatch.TechnicianUnassigned;
import com.aftersales.dispatch.job.DispatchJob;
import com.aftersales.dispatch.job.DispatchJobs;
import com.aftersales.dispatch.job.DispatchJobStatus;
import com.aftersales.dispatch.job.JobReadyForAssignment;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.dispatch.shared.RuleViolationException;
import com.aftersales.dispatch.technician.Technician;
import com.aftersales.dispatch.technician.TechnicianStatus;
import com.aftersales.dispatch.technician.Technicians;
import com.aftersales.dispatch.technician.TechnicianWentOffDuty;
import com.aftersales.dispatch.technician.TechnicianWorkEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Service
public class AssignmentService {

    static final String SYSTEM = "system:dispatch-service";
    static final String RULE_REASSIGN_ON_DECLINE = "reassign-on-decline";
    static final String RULE_REASSIGN_OFF_DUTY = "reassign-when-off-duty";
    static final String RULE_ASSIGNABLE = "job-assignable";
    public static final String RULE_DAY_PLAN = "day-plan-applied";
    /** Jobs nobody could take when they were queued are offered to the engine again until someone can. */
    public static final String RULE_RETRY_WAITING = "retry-waiting-jobs";

    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

    private final DispatchJobs jobs;
    private final Technicians technicians;
    private final TechnicianWorkEvents events;
    private final AssignmentEngine engine;
    private final boolean autoAssign;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer proposalTimer;

    AssignmentService(DispatchJobs jobs, Technicians technicians, TechnicianWorkEvents events,
                      AssignmentProperties properties, Clock clock, MeterRegistry meters) {
        this.jobs = jobs;
        this.technicians = technicians;
        this.events = events;
        this.engine = new AssignmentEngine(properties.policy());
        this.autoAssign = properties.autoAssign();
        this.clock = clock;
        this.meters = meters;
        this.proposalTimer = Timer.builder(DispatchMetrics.PROPOSAL_DURATION)
                .description("Time to score every technician for one job").publishPercentileHistogram().register(meters);
    }

    @Transactional(readOnly = true)
    public Proposal propose(UUID jobId) {
        return propose(job(jobId));
    }

    private Proposal propose(DispatchJob job) {
        return scored(job).proposal();
    }

    /** The engine's proposal and the candidates it scored (the technicians as read for it). */
    private record Scored(Proposal proposal, List<Candidate> candidates) {

        Technician technician(UUID id) {
            return candidates.stream().map(Candidate::technician).filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private Scored scored(DispatchJob job) {
        Timer.Sample sample = Timer.start(meters);
        try {
            Instant now = now();
            Map<UUID, List<DispatchJobs.OpenWork>> work = jobs.openWork(null).stream()
                    .collect(java.util.stream.Collectors.groupingBy(DispatchJobs.OpenWork::technicianId));
            // A job never saved since its insert (version 0) was never assigned, so nobody can have declined it.
            Set<UUID> declined = job.version() == 0 ? Set.of() : new HashSet<>(jobs.techniciansWhoDeclined(job.id()));
            List<Candidate> candidates = technicians.onDuty().stream()
                    .map(t -> new Candidate(t, loadToday(t, work.getOrDefault(t.id(), List.of()), now), declined.contains(t.id())))
                    .toList();
            return new Scored(engine.propose(job, candidates, now), candidates);
        } finally {
            sample.stop(proposalTimer);
        }
    }

    /** A job became assignable: assign the best candidate when the engine may. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onJobReady(JobReadyForAssignment ready) {
        Optional.ofNullable(ready.inserted()).or(() -> jobs.findForUpdate(ready.jobId())).ifPresent(this::autoAssignIfAllowed);
    }

    /** A waiting job's place in the queue (queued, then id): where a sweep goes on from. */
    public record QueuePosition(Instant queuedAt, UUID jobId) {
    }

    /**
     * Up to {@code limit} jobs still waiting for a technician, oldest first, after {@code after} (null: from the start):
     * what {@link AssignmentSweep} offers the engine again.
     */
    @Transactional(readOnly = true)
    public List<QueuePosition> waitingJobs(QueuePosition after, int limit) {
        return jobs.byStatus(DispatchJobStatus.AWAITING_ASSIGNMENT, null, after == null ? null : after.queuedAt(),
                after == null ? null : after.jobId(), limit).stream().map(j -> new QueuePosition(j.queuedAt(), j.id())).toList();
    }

    /**
     * Rule {@value #RULE_RETRY_WAITING}: a waiting job is offered to the engine again (the same rules as when it was
     * queued). True when it got a technician this time.
     */
    @Transactional
    public boolean retryWaiting(UUID jobId) {
        return jobs.findForUpdate(jobId)
                .map(job -> autoAssignIfAllowed(job, false).status() == DispatchJobStatus.ASSIGNED)
                .orElse(false);
    }

    /** The technician went off duty: their jobs that have not started go to someone else. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onTechnicianOffDuty(TechnicianWentOffDuty offDuty) {
        for (DispatchJob job : jobs.assignedTo(offDuty.technicianId(), DispatchJobStatus.ASSIGNED)) {
            DispatchJob locked = jobs.findForUpdate(job.id()).orElseThrow();
            DispatchJob released = unassign(locked, "OFF_DUTY", RULE_REASSIGN_OFF_DUTY + ": technician went off duty", SYSTEM);
            autoAssignIfAllowed(released);
        }
    }

    /** A supervisor assigns (accepting the proposal or overriding it); a reason is always recorded. */
    @Transactional
    public DispatchJob assign(UUID jobId, AssignRequest request, String supervisor) {
        DispatchJob job = jobs.findForUpdate(jobId).orElseThrow(() -> new NotFoundException("dispatch job", jobId));
        if (job.status() != DispatchJobStatus.AWAITING_ASSIGNMENT && job.status() != DispatchJobStatus.ASSIGNED) {
            throw new RuleViolationException(RULE_ASSIGNABLE, "a " + job.status() + " job cannot be (re)assigned"
                    + (job.holdReason() != null ? " (" + job.holdReason() + ")" : ""));
        }
        Technician technician = technicians.find(request.technicianId())
                .orElseThrow(() -> new NotFoundException("technician", request.technicianId()));
        if (technician.id().equals(job.technicianId())) {
            return job;
        }
        technicians.lockForAssignment(technician.id());
        Proposal proposal = propose(job);
        var exclusion = proposal.exclusion(technician.id());
        if (exclusion.isEmpty() && proposal.candidate(technician.id()).isEmpty()) {
            // technicians off duty are not candidates at all: evaluate them against the rules directly
            exclusion = engine.exclusion(job, new Candidate(technician,
                    loadToday(technician, jobs.openWork(technician.id()), now()), false), now());
        }
        if (exclusion.isPresent() && !request.overridesRules()) {
            throw new RuleViolationException(exclusion.get().rule(), technician.name() + ": " + exclusion.get().why()
                    + "; set overrideRules to assign anyway");
        }
        if (job.technicianId() != null) {
            job = unassign(job, "OVERRIDDEN", request.reason(), supervisor);
        }
        var scored = proposal.candidate(technician.id());
        boolean isBest = proposal.best().map(b -> b.technicianId().equals(technician.id())).orElse(false);
        String mode = isBest ? "ACCEPTED" : "OVERRIDE";
        String explanation = (exclusion.isPresent()
                ? "override of rule " + exclusion.get().rule() + " (" + exclusion.get().why() + ")"
                : scored.map(Proposal.ScoredCandidate::explanation).orElse("not scored"))
                + "; supervisor reason: " + request.reason();
        return assignTo(job, technician, mode, supervisor, scored.map(Proposal.ScoredCandidate::score).orElse(null),
                explanation, request.reason());
    }

    /** What applying one planned visit did. */
    public enum PlannedOutcome {
        ASSIGNED, REASSIGNED, UNCHANGED, SKIPPED
    }

    /**
     * Rule {@value #RULE_DAY_PLAN}: the day plan puts this job on this technician. A waiting job is assigned to
     * them; a job assigned to someone else and not started moves to them (cause REPLANNED); anything else (started,
     * held, closed since the plan was solved, technician gone off duty) is left alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PlannedOutcome assignPlanned(UUID jobId, UUID technicianId, String actor, String explanation) {
        DispatchJob job = jobs.findForUpdate(jobId).orElse(null);
        Technician technician = technicians.find(technicianId).orElse(null);
        if (job == null || technician == null || technician.status() == TechnicianStatus.OFF_DUTY
                || (job.status() != DispatchJobStatus.AWAITING_ASSIGNMENT && job.status() != DispatchJobStatus.ASSIGNED)) {
            return PlannedOutcome.SKIPPED;
        }
        if (technicianId.equals(job.technicianId())) {
            return PlannedOutcome.UNCHANGED;
        }
        technicians.lockForAssignment(technicianId);
        PlannedOutcome outcome = PlannedOutcome.ASSIGNED;
        if (job.technicianId() != null) {
            job = unassign(job, "REPLANNED", RULE_DAY_PLAN + ": " + explanation, actor);
            outcome = PlannedOutcome.REASSIGNED;
        }
        assignTo(job, technician, "PLANNED", actor, null, RULE_DAY_PLAN + ": " + explanation, null);
        return outcome;
    }

    /** The technician a job is assigned to, null when unassigned or unknown. */
    @Transactional(readOnly = true)
    public UUID assignedTechnician(UUID jobId) {
        return jobs.find(jobId).map(DispatchJob::technicianId).orElse(null);
    }

    /** The assigned technician declines: record why, and let the engine find someone else. */
    @Transactional
    public DispatchJob decline(UUID jobId, UUID technicianId, String reason, String actor) {
        DispatchJob job = jobs.findForUpdate(jobId).orElseThrow(() -> new NotFoundException("dispatch job", jobId));
        UUID declining = technicianId != null ? technicianId : job.technicianId();
        if (job.status() != DispatchJobStatus.ASSIGNED || declining == null || !declining.equals(job.technicianId())) {
            throw new RuleViolationException("decline-own-assignment",
                    "only the technician assigned to a job that has not started can decline it");
        }
        DispatchJob released = unassign(job, "DECLINED", reason, actor);
        log.info("Job {} declined for technician {} by {}: {}; {}", jobId, declining, actor, reason, RULE_REASSIGN_ON_DECLINE);
        return autoAssignIfAllowed(released);
    }

    private DispatchJob autoAssignIfAllowed(DispatchJob job) {
        return autoAssignIfAllowed(job, true);
    }

    /** {@code firstTry} false for the sweep's retries: a job that still finds nobody was counted and logged already. */
    private DispatchJob autoAssignIfAllowed(DispatchJob job, boolean firstTry) {
        if (!autoAssign || job.status() != DispatchJobStatus.AWAITING_ASSIGNMENT) {
            return job;
        }
        Scored scored = scored(job);
        Proposal proposal = scored.proposal();
        if (!proposal.autoAssignable()) {
            if (firstTry) {
                log.info("Job {} not auto-assigned: {}", job.id(), proposal.autoAssignVerdict());
                meters.counter(DispatchMetrics.AUTO_ASSIGN_SKIPPED).increment();
            }
            return job;
        }
        Proposal.ScoredCandidate best = proposal.best().orElseThrow();
        // as read for the proposal, in this transaction: reading them again before their lock would add nothing
        Technician technician = scored.technician(best.technicianId());
        // two jobs may pick the same technician at once: re-check the capacity under the technician's lock
        technicians.lockForAssignment(technician.id());
        if (loadToday(technician, jobs.openWork(technician.id()), now()) >= technician.maxVisitsPerDay()) {
            log.info("Job {} not auto-assigned: {} filled up meanwhile ({})", job.id(), technician.name(),
                    AssignmentEngine.RULE_CAPACITY);
            meters.counter(DispatchMetrics.AUTO_ASSIGN_SKIPPED).increment();
            return job;
        }
        String explanation = firstTry ? best.explanation()
                : best.explanation() + "; " + RULE_RETRY_WAITING + ": nobody could take it when it was queued";
        return assignTo(job, technician, "AUTO", SYSTEM, best.score(), explanation, null);
    }

    private DispatchJob assignTo(DispatchJob job, Technician technician, String mode, String actor, Double score,
                                 String explanation, String reason) {
        Instant now = now();
        DispatchJob assigned = job.assignedTo(technician.id(), now, explanation);
        jobs.update(assigned);
        jobs.log(job.id(), technician.id(), "ASSIGNED", mode, actor, reason, score, explanation, now);
        events.publish(DispatchEvents.TECHNICIAN_ASSIGNED, job.ticketId().toString(), new TechnicianAssigned(job.id(),
                job.ticketId(), technician.id(), technician.name(), mode, actor, score, explanation, now), technician);
        meters.counter(DispatchMetrics.ASSIGNMENTS, "mode", mode).increment();
        DispatchMetrics.timeToAssign(meters, job.ticketPriority(), job.regionCode()).record(Duration.between(job.queuedAt(), now));
        return jobs.find(job.id()).orElseThrow();
    }

    private DispatchJob unassign(DispatchJob job, String cause, String reason, String actor) {
        Instant now = now();
        UUID technicianId = job.technicianId();
        jobs.update(job.unassigned());
        jobs.log(job.id(), technicianId, "UNASSIGNED", cause, actor, reason, null, null, now);
        events.publish(DispatchEvents.TECHNICIAN_UNASSIGNED, job.ticketId().toString(), new TechnicianUnassigned(job.id(),
                job.ticketId(), technicianId, cause, reason, actor, now), technicianId);
        meters.counter(DispatchMetrics.UNASSIGNMENTS, "cause", cause).increment();
        return jobs.find(job.id()).orElseThrow();
    }

    /**
     * Rule {@value AssignmentEngine#RULE_CAPACITY}: what uses up today's visits is open work not yet scheduled
     * (it will be done soon) and appointments on the technician's today; appointments on other days do not.
     */
    static int loadToday(Technician technician, List<DispatchJobs.OpenWork> work, Instant now) {
        java.time.LocalDate today = technician.calendar().localDate(now);
        return (int) work.stream().filter(w -> w.appointmentStart() == null
                || technician.calendar().localDate(w.appointmentStart()).equals(today)).count();
    }

    private DispatchJob job(UUID jobId) {
        return jobs.find(jobId).orElseThrow(() -> new NotFoundException("dispatch job", jobId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
