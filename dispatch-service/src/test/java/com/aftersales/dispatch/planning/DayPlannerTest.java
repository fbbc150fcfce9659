package com.aftersales.dispatch.planning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The solver never breaks a hard constraint, checked independently of its own score, on seeded random instances. */
class DayPlannerTest {

    private final DayPlanner planner = new DayPlanner(Duration.ofMillis(1500), Duration.ofMillis(400), 7);

    @Test
    void hardConstraintsHoldOnRandomInstancesAndEveryVisitIsPlacedAtMostOnce() {
        for (long seed = 1; seed <= 4; seed++) {
            DayPlan solved = planner.solve(RandomInstances.instance(seed, 6, 30));
            assertThat(solved.getScore().hardScore()).as("seed %d", seed).isZero();
            assertHardConstraintsHold(solved);
            assertThat(solved.getScore().mediumScore()).as("visits placed, seed %d", seed).isPositive();
        }
    }

    @Test
    void replanningAfterATechnicianGoesOffDutyKeepsTheRestAndStaysFeasible() {
        DayPlan first = planner.solve(RandomInstances.instance(42, 5, 20));
        PlanTechnician leaving = first.getTechnicians().stream().filter(t -> !t.getVisits().isEmpty()).findFirst().orElseThrow();
        List<PlanTechnician> remaining = first.getTechnicians().stream().filter(t -> t != leaving)
                .map(PlanTechnician::emptyCopy).toList();

        DayPlan second = planner.replan(first, first.getVisits(), remaining);

        assertThat(second.getTechnicians()).extracting(PlanTechnician::getId).doesNotContain(leaving.getId());
        assertThat(second.getScore().hardScore()).isZero();
        assertHardConstraintsHold(second);
    }

    @Test
    void anAgreedAppointmentStaysWithTheTechnicianWhoAgreedIt() {
        DayPlan instance = RandomInstances.instance(9, 4, 12);
        PlanTechnician owner = instance.getTechnicians().get(3);
        PlanVisit original = instance.getVisits().stream().filter(owner::qualifiedFor).findFirst().orElseThrow();
        PlanVisit pinned = new PlanVisit(original.id(), original.location(), original.requiredSkills(), original.windowStart(),
                original.windowEnd(), original.serviceTime(), original.urgency(), owner.getId());
        List<PlanVisit> visits = instance.getVisits().stream().map(v -> v.id().equals(pinned.id()) ? pinned : v).toList();

        DayPlan solved = planner.solve(new DayPlan(visits, instance.getTechnicians()));

        assertThat(solved.getScore().hardScore()).isZero();
        assertHardConstraintsHold(solved);
        solved.getTechnicians().stream().filter(t -> !t.getId().equals(owner.getId()))
                .forEach(t -> assertThat(t.getVisits()).extracting(PlanVisit::id).doesNotContain(pinned.id()));
    }

    static void assertHardConstraintsHold(DayPlan plan) {
        Set<String> seen = new HashSet<>();
        for (PlanTechnician t : plan.getTechnicians()) {
            assertThat(t.getVisits().size()).as("capacity of %s", t.getId()).isLessThanOrEqualTo(t.getMaxVisits());
            for (PlanVisit v : t.getVisits()) {
                assertThat(t.getSkills()).as("%s has the skills of %s", t.getId(), v.id()).containsAll(v.requiredSkills());
                assertThat(seen.add(v.id())).as("%s placed once", v.id()).isTrue();
                assertThat(v.pinnedTo() == null || v.pinnedTo().equals(t.getId())).as("%s keeps its technician", v.id()).isTrue();
            }
            if (!t.getVisits().isEmpty()) {
                assertThat(t.route().finishesAt()).as("%s finishes within the shift", t.getId()).isBeforeOrEqualTo(t.getShiftEnd());
            }
        }
    }
}
