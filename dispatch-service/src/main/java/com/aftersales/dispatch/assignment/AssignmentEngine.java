package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.job.DispatchJob;
import com.aftersales.dispatch.technician.Skill;
import com.aftersales.dispatch.technician.Technician;
import com.aftersales.dispatch.technician.TechnicianStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Scores technicians for one job. Plain Java and stateless: one pass over the candidates, so a
 * proposal never waits for the day plan.
 */
public final class AssignmentEngine {

    public static final String RULE_BEST_SCORE = "best-score";
    public static final String RULE_ON_DUTY = "technician-on-duty";
    public static final String RULE_WORKS_TODAY = "works-today";
    public static final String RULE_REQUIRED_SKILL = "required-skill";
    public static final String RULE_SERVICE_AREA = "service-area";
    public static final String RULE_CAPACITY = "capacity-today";
    public static final String RULE_DECLINED = "declined-before";
    public static final String RULE_MINIMUM_SCORE = "minimum-auto-assign-score";

    private final AssignmentPolicy policy;

    public AssignmentEngine(AssignmentPolicy policy) {
        this.policy = policy;
    }

    public AssignmentPolicy policy() {
        return policy;
    }

    public Proposal propose(DispatchJob job, List<Candidate> candidates, Instant now) {
        List<Proposal.ScoredCandidate> ranked = new ArrayList<>();
        List<Proposal.Excluded> excluded = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Optional<Proposal.Excluded> exclusion = exclusion(job, candidate, now);
            if (exclusion.isPresent()) {
                excluded.add(exclusion.get());
            } else {
                ranked.add(score(job, candidate, now));
            }
        }
        ranked.sort(Comparator.comparingDouble(Proposal.ScoredCandidate::score).reversed()
                .thenComparing(c -> c.roadKm() == null ? Double.MAX_VALUE : c.roadKm())
                .thenComparing(Proposal.ScoredCandidate::technicianId));
        boolean autoAssignable;
        String verdict;
        if (job.autoAssignBlocked() != null) {
            autoAssignable = false;
            verdict = job.autoAssignBlocked();
        } else if (ranked.isEmpty()) {
            autoAssignable = false;
            verdict = "no technician passes the hard rules (" + excluded.size() + " excluded)";
        } else if (ranked.get(0).score() < policy.minimumAutoAssignScore()) {
            autoAssignable = false;
            verdict = RULE_MINIMUM_SCORE + ": best score %.3f is below %.3f; a supervisor decides"
                    .formatted(ranked.get(0).score(), policy.minimumAutoAssignScore());
        } else {
            autoAssignable = true;
            verdict = RULE_BEST_SCORE + ": " + ranked.get(0).name() + " has the highest score";
        }
        return new Proposal(job.id(), List.copyOf(ranked), List.copyOf(excluded), autoAssignable, verdict, now);
    }

    /** The first hard rule that rules the candidate out of this job, if any. */
    public Optional<Proposal.Excluded> exclusion(DispatchJob job, Candidate candidate, Instant now) {
        Technician t = candidate.technician();
        if (t.status() == TechnicianStatus.OFF_DUTY) {
            return excluded(t, RULE_ON_DUTY, "off duty");
        }
        LocalDate today = t.calendar().localDate(now);
        Instant endOfWork = t.calendar().endOfWorkOn(today);
        if (endOfWork == null) {
            return excluded(t, RULE_WORKS_TODAY, "does not work on " + today + " (" + today.getDayOfWeek() + ")");
        }
        if (!now.isBefore(endOfWork)) {
            return excluded(t, RULE_WORKS_TODAY, "today's last shift ended at " + endOfWork);
        }
        if (job.productCategory() != null && t.skill(Skill.Kind.PRODUCT_CATEGORY, job.productCategory()).isEmpty()) {
            return excluded(t, RULE_REQUIRED_SKILL, "no skill for product category " + job.productCategory());
        }
        if (job.faultCategory() != null && t.skill(Skill.Kind.FAULT_CATEGORY, job.faultCategory()).isEmpty()) {
            return excluded(t, RULE_REQUIRED_SKILL, "no skill for fault category " + job.faultCategory());
        }
        String notCovered = t.serviceArea().notCoveredBecause(t.homeBase(), job.location(), job.regionCode());
        if (notCovered != null) {
            return excluded(t, RULE_SERVICE_AREA, notCovered);
        }
        if (candidate.openAssignments() >= t.maxVisitsPerDay()) {
            return excluded(t, RULE_CAPACITY, "already has %d of %d visits"
                    .formatted(candidate.openAssignments(), t.maxVisitsPerDay()));
        }
        if (candidate.declinedThisJob()) {
            return excluded(t, RULE_DECLINED, "declined this job before");
        }
        return Optional.empty();
    }

    private static Optional<Proposal.Excluded> excluded(Technician t, String rule, String why) {
        return Optional.of(new Proposal.Excluded(t.id(), t.name(), rule, why));
    }

    private Proposal.ScoredCandidate score(DispatchJob job, Candidate candidate, Instant now) {
        Technician t = candidate.technician();
        AssignmentPolicy.Weights w = policy.weights();
        List<Proposal.Component> components = new ArrayList<>();
        components.add(skillComponent(job, t, w.skill()));

        Double roadKm = null;
        Duration travel = null;
        Instant arrival = null;
        if (job.location() != null) {
            roadKm = policy.travel().roadKilometres(t.position(), job.location());
            travel = policy.travel().travelTime(t.position(), job.location());
            Instant startOfWork = t.calendar().startOfWorkOn(t.calendar().localDate(now));
            Instant free = (startOfWork != null && startOfWork.isAfter(now) ? startOfWork : now)
                    .plus(policy.averageVisit().multipliedBy(candidate.openAssignments()));
            arrival = free.plus(travel);
            double value = Math.max(0, 1 - roadKm / policy.maxDistanceKm());
            components.add(new Proposal.Component("distance", value, w.distance(),
                    "%.1f road km from %s".formatted(roadKm, t.currentPosition() != null ? "current position" : "home base")));
        } else {
            components.add(new Proposal.Component("distance", 0, 0, "job has no location; not scored"));
        }

        int remaining = t.maxVisitsPerDay() - candidate.openAssignments();
        components.add(new Proposal.Component("capacity", (double) remaining / t.maxVisitsPerDay(), w.capacity(),
                "%d of %d visits left today".formatted(remaining, t.maxVisitsPerDay())));
        components.add(slaComponent(job, arrival, w.sla()));

        var record = t.fixRecord(job.faultCategory());
        double rate = record.smoothedRate(policy.historyPriorRate(), policy.historyPriorWeight());
        components.add(new Proposal.Component("history", rate, w.history(), job.faultCategory() == null
                ? "no fault category; prior rate"
                : "%d first-time fixes in %d %s visits".formatted(record.firstTimeFixes(), record.completedVisits(),
                job.faultCategory())));

        double weightSum = components.stream().mapToDouble(Proposal.Component::weight).sum();
        double score = weightSum == 0 ? 0 : components.stream().mapToDouble(c -> c.value() * c.weight()).sum() / weightSum;
        return new Proposal.ScoredCandidate(t.id(), t.name(), score, List.copyOf(components), roadKm, travel, arrival);
    }

    private Proposal.Component skillComponent(DispatchJob job, Technician t, double weight) {
        List<Integer> levels = new ArrayList<>();
        if (job.productCategory() != null) {
            t.skill(Skill.Kind.PRODUCT_CATEGORY, job.productCategory()).ifPresent(s -> levels.add(s.level()));
        }
        if (job.faultCategory() != null) {
            t.skill(Skill.Kind.FAULT_CATEGORY, job.faultCategory()).ifPresent(s -> levels.add(s.level()));
        }
        if (levels.isEmpty()) {
            return new Proposal.Component("skill", 0, 0, "job names no category; not scored");
        }
        double average = levels.stream().mapToInt(Integer::intValue).average().orElse(0);
        return new Proposal.Component("skill", Math.min(1, average / policy.maxSkillLevel()), weight,
                "level %.1f of %d".formatted(average, policy.maxSkillLevel()));
    }

    private Proposal.Component slaComponent(DispatchJob job, Instant arrival, double weight) {
        if (arrival == null) {
            return new Proposal.Component("sla", 0, 0, "no arrival estimate without a location; not scored");
        }
        if (job.onSiteTargetAt() == null && job.onSiteDueAt() == null) {
            return new Proposal.Component("sla", 0, 0, "ticket carries no on-site due time; not scored");
        }
        if (job.onSiteTargetAt() != null && !arrival.isAfter(job.onSiteTargetAt())) {
            return new Proposal.Component("sla", 1, weight, "arrives by the on-site target " + job.onSiteTargetAt());
        }
        if (job.onSiteDueAt() != null && !arrival.isAfter(job.onSiteDueAt())) {
            return new Proposal.Component("sla", policy.slaLateScore(), weight,
                    "misses the target but keeps the promise " + job.onSiteDueAt());
        }
        return new Proposal.Component("sla", 0, weight, "would arrive after " + (job.onSiteDueAt() != null
                ? "the on-site promise " + job.onSiteDueAt() : "the on-site target " + job.onSiteTargetAt()));
    }
}
