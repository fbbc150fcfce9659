package com.aftersales.dispatch.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;

/**
 * Hard: required skill, agreed appointments keep their technician, daily capacity, finishing within the shift. Medium: place as many visits as
 * possible. Soft: SLA lateness (weighted by urgency, and by {@link #LATE_MINUTE_IN_METRES} so that
 * one late minute outweighs a detour), then road distance.
 */
public class DayPlanConstraints implements ConstraintProvider {

    public static final String REQUIRED_SKILL = "required skill";
    public static final String CAPACITY = "daily capacity";
    public static final String KEEP_APPOINTMENT = "agreed appointment keeps its technician";
    public static final String SHIFT_END = "finish within the shift";
    public static final String PLACED = "visits placed";
    public static final String SLA_LATENESS = "SLA lateness";
    public static final String TRAVEL = "road distance";

    /** A minute late costs as much as this many metres of driving. */
    static final long LATE_MINUTE_IN_METRES = 1_000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                factory.forEach(PlanTechnician.class).filter(t -> t.visitsLackingSkill() > 0)
                        .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PlanTechnician::visitsLackingSkill).asConstraint(REQUIRED_SKILL),
                factory.forEach(PlanTechnician.class).filter(t -> t.visitsPinnedElsewhere() > 0)
                        .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PlanTechnician::visitsPinnedElsewhere)
                        .asConstraint(KEEP_APPOINTMENT),
                factory.forEach(PlanTechnician.class).filter(t -> t.visitsOverCapacity() > 0)
                        .penalizeLong(HardMediumSoftLongScore.ONE_HARD, PlanTechnician::visitsOverCapacity).asConstraint(CAPACITY),
                factory.forEach(PlanTechnician.class).filter(t -> !t.getVisits().isEmpty())
                        .penalizeLong(HardMediumSoftLongScore.ONE_HARD, t -> t.route().overtimeMinutes()).asConstraint(SHIFT_END),
                factory.forEach(PlanTechnician.class).filter(t -> !t.getVisits().isEmpty())
                        .rewardLong(HardMediumSoftLongScore.ONE_MEDIUM, t -> t.getVisits().size()).asConstraint(PLACED),
                factory.forEach(PlanTechnician.class).filter(t -> !t.getVisits().isEmpty())
                        .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, t -> t.route().lateMinutes() * LATE_MINUTE_IN_METRES)
                        .asConstraint(SLA_LATENESS),
                factory.forEach(PlanTechnician.class).filter(t -> !t.getVisits().isEmpty())
                        .penalizeLong(HardMediumSoftLongScore.ONE_SOFT, t -> Math.round(t.route().roadKm() * 1000))
                        .asConstraint(TRAVEL)
        };
    }
}
