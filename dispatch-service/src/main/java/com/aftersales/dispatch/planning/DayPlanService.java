package com.aftersales.dispatch.planning;

import com.aftersales.dispatch.shared.DispatchMetrics;
import com.aftersales.dispatch.assignment.AssignmentProperties;
import com.aftersales.dispatch.assignment.AssignmentService;
import com.aftersales.dispatch.job.DispatchJob;
import com.aftersales.dispatch.job.DispatchJobs;
import com.aftersales.dispatch.job.DispatchJobStatus;
import com.aftersales.dispatch.job.JobReadyForAssignment;
import com.aftersales.domain.error.NotFoundException;
import com.aftersales.dispatch.shared.TravelModel;
import com.aftersales.dispatch.technician.Skill;
import com.aftersales.dispatch.technician.Technician;
import com.aftersales.dispatch.technician.Technicians;
import com.aftersales.dispatch.technician.TechnicianWentOffDuty;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** Builds today's plan from open jobs and on-duty technicians, solves it, and keeps it for the next incremental re-plan. */
@Service
public class DayPlanService {

    private final DispatchJobs jobs;
    private final Technicians technicians;
    private final PlanningRepository reads;
    private final PlanningProperties properties;
    private final TravelModel travel;
    private final DayPlanner planner;
    private final Clock clock;
    private final Timer solveTimer;
    /** Warm start for this instance's next re-plan only; the plan everyone reads is in {@link DayPlanRepository}. */
    private final AtomicReference<DayPlan> lastPlan = new AtomicReference<>();
    private final DayPlanRepository store;
    private final AssignmentService assignments;
    private final java.util.concurrent.atomic.AtomicBoolean replanScheduled = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ScheduledExecutorService replanner = java.util.concurrent.Executors
            .newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "day-plan-replanner");
                thread.setDaemon(true);
                return thread;
            });

    DayPlanService(DispatchJobs jobs, Technicians technicians, PlanningRepository reads, PlanningProperties properties,
                   AssignmentProperties assignment, Clock clock, MeterRegistry meters, DayPlanRepository store,
                   AssignmentService assignments) {
        this.jobs = jobs;
        this.assignments = assignments;
        this.store = store;
        this.technicians = technicians;
        this.reads = reads;
        this.properties = properties;
        this.travel = assignment.policy().travel();
        this.planner = new DayPlanner(properties.timeLimit(), properties.unimprovedLimit(), properties.seed());
        this.clock = clock;
        this.solveTimer = Timer.builder(DispatchMetrics.DAY_PLAN_SOLVE).description("Time to solve the day plan")
                .register(meters);
    }

    /** Solves now; starts from the previous plan when there is one (only one re-plan at a time). */
    public synchronized DayPlanView replan() {
        Instant now = clock.instant();
        java.util.Map<java.util.UUID, Integer> busy = reads.jobsInProgressByTechnician();
        java.util.Map<java.util.UUID, PlanningRepository.Appointment> appointments = reads.openAppointmentsByJob();
        List<PlanTechnician> team = new ArrayList<>();
        for (Technician t : technicians.onDuty()) {
            LocalDate today = t.calendar().localDate(now);
            Instant end = t.calendar().endOfWorkOn(today);
            Instant start = t.calendar().startOfWorkOn(today);
            int capacityLeft = t.maxVisitsPerDay() - busy.getOrDefault(t.id(), 0);
            if (end == null || !end.isAfter(now) || capacityLeft <= 0) {
                continue;
            }
            Set<String> skills = new HashSet<>();
            t.skills().forEach(s -> skills.add(skillKey(s.kind(), s.code())));
            team.add(new PlanTechnician(t.id().toString(), t.position(), start.isAfter(now) ? start : now, end,
                    capacityLeft, skills, travel));
        }
        List<PlanVisit> visits = Stream.concat(jobs.byStatus(DispatchJobStatus.AWAITING_ASSIGNMENT, null, properties.maxJobs()).stream(),
                        jobs.byStatus(DispatchJobStatus.ASSIGNED, null, properties.maxJobs()).stream())
                .filter(j -> j.location() != null).limit(properties.maxJobs()).map(j -> visit(j, appointments.get(j.id()), now)).toList();

        DayPlan previous = lastPlan.get();
        long started = System.nanoTime();
        DayPlan solved = previous == null ? planner.solve(new DayPlan(visits, team)) : planner.replan(previous, visits, team);
        long millis = (System.nanoTime() - started) / 1_000_000;
        solveTimer.record(java.time.Duration.ofMillis(millis));
        lastPlan.set(solved);
        DayPlanView view = new DayPlanView(solved.getScore().toString(), solved.getScore().isFeasible(),
                solved.getTechnicians().stream().filter(t -> !t.getVisits().isEmpty()).map(PlanTechnician::route).toList(),
                solved.unassigned().stream().map(PlanVisit::id).toList(), millis, previous != null, now, false);
        store.save(view);
        return view;
    }

    /**
     * A supervisor applies the current plan: each planned visit's job goes to the technician whose route it is on
     * (see {@link AssignmentService#assignPlanned}); a stale plan is re-planned first so that nobody is sent on
     * yesterday's picture. One transaction: the plan is applied whole or not at all.
     */
    @org.springframework.transaction.annotation.Transactional
    public PlanApplication apply(String supervisor) {
        DayPlanView plan = current();
        if (plan.stale()) {
            plan = replan();
        }
        java.util.Map<AssignmentService.PlannedOutcome, List<String>> outcomes =
                new java.util.EnumMap<>(AssignmentService.PlannedOutcome.class);
        for (Route route : plan.routes()) {
            for (int i = 0; i < route.stops().size(); i++) {
                Route.Stop stop = route.stops().get(i);
                String explanation = "stop " + (i + 1) + " of " + route.stops().size() + " on the plan solved "
                        + plan.solvedAt() + ", arrival " + stop.arrival() + (stop.lateMinutes() > 0
                        ? ", " + stop.lateMinutes() + " min after the window" : "");
                AssignmentService.PlannedOutcome outcome = assignments.assignPlanned(java.util.UUID.fromString(stop.visitId()),
                        java.util.UUID.fromString(route.technicianId()), supervisor, explanation);
                outcomes.computeIfAbsent(outcome, o -> new ArrayList<>()).add(stop.visitId());
            }
        }
        return new PlanApplication(plan.solvedAt(), outcomes.getOrDefault(AssignmentService.PlannedOutcome.ASSIGNED, List.of()),
                outcomes.getOrDefault(AssignmentService.PlannedOutcome.REASSIGNED, List.of()),
                outcomes.getOrDefault(AssignmentService.PlannedOutcome.UNCHANGED, List.of()),
                outcomes.getOrDefault(AssignmentService.PlannedOutcome.SKIPPED, List.of()), plan.unassignedJobIds());
    }

    /**
     * What applying the plan did, by job id.
     *
     * @param skipped    planned jobs left alone (started, held or closed since, technician off duty)
     * @param notPlanned jobs the plan could not place; they keep waiting for the assignment engine or a supervisor
     */
    public record PlanApplication(Instant planSolvedAt, List<String> assigned, List<String> reassigned,
                                  List<String> unchanged, List<String> skipped, List<String> notPlanned) {
    }

    public DayPlanView current() {
        return store.current().orElseThrow(() -> new NotFoundException("day plan", "today"));
    }

    /** New work or a technician gone: the plan no longer matches; the next re-plan repairs it from where it was. */
    @TransactionalEventListener
    void onJobReady(JobReadyForAssignment ready) {
        markStale();
    }

    @TransactionalEventListener
    void onTechnicianOffDuty(TechnicianWentOffDuty offDuty) {
        markStale();
    }

    private void markStale() {
        boolean planned = store.markStale();
        boolean auto = !properties.autoReplanAfter().isZero() && !properties.autoReplanAfter().isNegative();
        // one pending re-plan gathers every change until it runs; nothing is planned before someone asked for a plan
        if (planned && auto && replanScheduled.compareAndSet(false, true)) {
            replanner.schedule(this::autoReplan, properties.autoReplanAfter().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void autoReplan() {
        replanScheduled.set(false);
        try {
            replan();
        } catch (RuntimeException e) {
            // the next change schedules another attempt; the last good plan stays readable meanwhile
            org.slf4j.LoggerFactory.getLogger(DayPlanService.class).warn("Automatic re-plan failed: {}", e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        replanner.shutdownNow();
    }

    private PlanVisit visit(DispatchJob job, PlanningRepository.Appointment appointment, Instant now) {
        Set<String> required = new HashSet<>();
        if (job.productCategory() != null) {
            required.add(skillKey(Skill.Kind.PRODUCT_CATEGORY, job.productCategory()));
        }
        if (job.faultCategory() != null) {
            required.add(skillKey(Skill.Kind.FAULT_CATEGORY, job.faultCategory()));
        }
        Instant due = job.onSiteTargetAt() != null ? job.onSiteTargetAt()
                : job.onSiteDueAt() != null ? job.onSiteDueAt() : now.plus(java.time.Duration.ofDays(1));
        if (appointment != null) {
            // the window agreed with the customer, with the technician who agreed it
            return new PlanVisit(job.id().toString(), job.location(), required, appointment.windowStart(),
                    appointment.windowEnd(), properties.serviceTime(), properties.urgency(job.ticketPriority()),
                    appointment.technicianId().toString());
        }
        return new PlanVisit(job.id().toString(), job.location(), required, now, due.isAfter(now) ? due : now,
                properties.serviceTime(), properties.urgency(job.ticketPriority()));
    }

    private static String skillKey(Skill.Kind kind, String code) {
        return Skill.key(kind, code);
    }
}
