package com.aftersales.dispatch.planning;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Solves day plans with Timefold, always within a time limit. Plain Java: the service and the
 * benchmark use it alike.
 */
public final class DayPlanner {

    private final Duration timeLimit;
    private final Duration unimprovedLimit;
    private final long seed;

    /**
     * @param timeLimit       hard cap on solving time
     * @param unimprovedLimit stop earlier when the score has not improved for this long
     * @param seed            random seed, so a plan can be reproduced
     */
    public DayPlanner(Duration timeLimit, Duration unimprovedLimit, long seed) {
        this.timeLimit = timeLimit;
        this.unimprovedLimit = unimprovedLimit;
        this.seed = seed;
    }

    public DayPlan solve(DayPlan problem) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(PlanTechnician.class)
                .withConstraintProviderClass(DayPlanConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(seed)
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(timeLimit)
                        .withUnimprovedSpentLimit(unimprovedLimit));
        return SolverFactory.<DayPlan>create(config).buildSolver().solve(problem);
    }

    /**
     * Re-plans from a previous plan: visits that still exist keep their technician and order,
     * technicians no longer present (off duty) hand theirs back, new visits start unassigned. The
     * solver then repairs from there instead of starting over.
     */
    public DayPlan replan(DayPlan previous, List<PlanVisit> visits, List<PlanTechnician> technicians) {
        Map<String, PlanVisit> current = new HashMap<>();
        visits.forEach(v -> current.put(v.id(), v));
        Map<String, List<PlanVisit>> kept = new HashMap<>();
        Set<String> placed = new HashSet<>();
        for (PlanTechnician t : previous.getTechnicians()) {
            List<PlanVisit> route = new ArrayList<>();
            for (PlanVisit v : t.getVisits()) {
                if (current.containsKey(v.id()) && placed.add(v.id())) {
                    route.add(current.get(v.id()));
                }
            }
            kept.put(t.getId(), route);
        }
        List<PlanTechnician> seeded = new ArrayList<>();
        for (PlanTechnician t : technicians) {
            PlanTechnician copy = t.emptyCopy();
            copy.setVisits(new ArrayList<>(kept.getOrDefault(t.getId(), List.of())));
            seeded.add(copy);
        }
        return solve(new DayPlan(List.copyOf(visits), seeded));
    }
}
