package com.aftersales.dispatch.planning;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The planning problem and its solution: every technician's visit sequence for one day. */
@PlanningSolution
public class DayPlan {

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<PlanVisit> visits;

    @PlanningEntityCollectionProperty
    private List<PlanTechnician> technicians;

    @PlanningScore
    private HardMediumSoftLongScore score;

    public DayPlan() {
    }

    public DayPlan(List<PlanVisit> visits, List<PlanTechnician> technicians) {
        this.visits = visits;
        this.technicians = technicians;
    }

    public List<PlanVisit> getVisits() {
        return visits;
    }

    public List<PlanTechnician> getTechnicians() {
        return technicians;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }

    /** Visits no technician got. */
    public List<PlanVisit> unassigned() {
        Set<String> placed = new HashSet<>();
        technicians.forEach(t -> t.getVisits().forEach(v -> placed.add(v.id())));
        return visits.stream().filter(v -> !placed.contains(v.id())).toList();
    }
}
