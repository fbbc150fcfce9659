package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.shared.TravelModel;
import com.aftersales.dispatch.technician.FixRecord;
import com.aftersales.dispatch.technician.Technician;
import com.aftersales.dispatch.technician.TechnicianStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.aftersales.dispatch.assignment.TestTechnicians.NOW;
import static com.aftersales.dispatch.assignment.TestTechnicians.PEOPLES_SQUARE;
import static com.aftersales.dispatch.assignment.TestTechnicians.job;
import static com.aftersales.dispatch.assignment.TestTechnicians.kmEastOf;
import static com.aftersales.dispatch.assignment.TestTechnicians.technician;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AssignmentEngineTest {

    static final AssignmentPolicy POLICY = new AssignmentPolicy(new AssignmentPolicy.Weights(0.2, 0.3, 0.1, 0.25, 0.15),
            new TravelModel(1.3, 30), 50, 5, 0.7, 5, Duration.ofMinutes(60), 0.4, 0.35);
    private final AssignmentEngine engine = new AssignmentEngine(POLICY);

    @Test
    void theNearerOfTwoEqualTechniciansWinsAndEveryComponentIsExplained() {
        Technician near = technician("近", kmEastOf(PEOPLES_SQUARE, 2), 4, Map.of());
        Technician far = technician("远", kmEastOf(PEOPLES_SQUARE, 20), 4, Map.of());
        Proposal proposal = engine.propose(job(PEOPLES_SQUARE, NOW.plusSeconds(6 * 3600), NOW.plusSeconds(24 * 3600)),
                List.of(new Candidate(far, 0, false), new Candidate(near, 0, false)), NOW);

        assertThat(proposal.ranked()).extracting(Proposal.ScoredCandidate::name).containsExactly("近", "远");
        Proposal.ScoredCandidate best = proposal.best().orElseThrow();
        assertThat(best.roadKm()).isCloseTo(2 * 1.3, within(0.05));
        assertThat(best.components()).extracting(Proposal.Component::name)
                .containsExactly("skill", "distance", "capacity", "sla", "history");
        assertThat(best.explanation()).startsWith("best-score: score").contains("2.6 road km from home base")
                .contains("arrives by the on-site target");
        assertThat(proposal.autoAssignable()).isTrue();
    }

    @Test
    void whoHasFixedThisBeforeOutranksANewcomerAtTheSameDistance() {
        Technician veteran = technician("老师傅", kmEastOf(PEOPLES_SQUARE, 5), 3, Map.of("COOLING", new FixRecord("COOLING", 40, 38)));
        Technician newcomer = technician("新人", kmEastOf(PEOPLES_SQUARE, 5), 3, Map.of("COOLING", new FixRecord("COOLING", 10, 4)));
        Proposal proposal = engine.propose(job(PEOPLES_SQUARE, null, null),
                List.of(new Candidate(newcomer, 0, false), new Candidate(veteran, 0, false)), NOW);

        assertThat(proposal.best().orElseThrow().name()).isEqualTo("老师傅");
        Proposal.Component history = proposal.best().orElseThrow().components().get(4);
        assertThat(history.value()).isCloseTo((38 + 0.7 * 5) / 45.0, within(1e-9));
        assertThat(history.why()).isEqualTo("38 first-time fixes in 40 COOLING visits");
    }

    @Test
    void hardRulesExcludeAndNameTheRule() {
        Technician offDuty = technician("休息", PEOPLES_SQUARE, 5, Map.of()).withStatus(TechnicianStatus.OFF_DUTY, null, NOW);
        Technician tooFar = technician("太远", kmEastOf(PEOPLES_SQUARE, 60), 5, Map.of());
        Technician full = technician("满", PEOPLES_SQUARE, 5, Map.of());
        Technician declined = technician("拒", PEOPLES_SQUARE, 5, Map.of());
        Proposal proposal = engine.propose(job(PEOPLES_SQUARE, null, null), List.of(new Candidate(offDuty, 0, false),
                new Candidate(tooFar, 0, false), new Candidate(full, 6, false), new Candidate(declined, 0, true)), NOW);

        assertThat(proposal.ranked()).isEmpty();
        assertThat(proposal.excluded()).extracting(Proposal.Excluded::rule).containsExactly(
                AssignmentEngine.RULE_ON_DUTY, AssignmentEngine.RULE_SERVICE_AREA, AssignmentEngine.RULE_CAPACITY,
                AssignmentEngine.RULE_DECLINED);
        assertThat(proposal.autoAssignable()).isFalse();
    }

    @Test
    void aTechnicianWithoutTheSkillIsExcluded() {
        Technician t = technician("电视", PEOPLES_SQUARE, 5, Map.of());
        var job = job(PEOPLES_SQUARE, null, null);
        var tvOnly = new Technician(t.id(), t.name(), List.of(new com.aftersales.dispatch.technician.Skill(
                com.aftersales.dispatch.technician.Skill.Kind.PRODUCT_CATEGORY, "TV", 5)), t.homeBase(), t.serviceArea(),
                t.calendar(), t.maxVisitsPerDay(), t.status(), null, null, null, Map.of(), 0);
        assertThat(engine.exclusion(job, new Candidate(tvOnly, 0, false), NOW).orElseThrow().why())
                .isEqualTo("no skill for product category AIR_CONDITIONER");
    }

    @Test
    void capacityComponentFallsWithLoadAndSlaComponentWithLateArrival() {
        Technician idle = technician("闲", PEOPLES_SQUARE, 3, Map.of());
        Technician busy = technician("忙", PEOPLES_SQUARE, 3, Map.of());
        Instant target = NOW.plus(Duration.ofHours(2));
        Proposal proposal = engine.propose(job(PEOPLES_SQUARE, target, NOW.plus(Duration.ofHours(5))),
                List.of(new Candidate(idle, 0, false), new Candidate(busy, 3, false)), NOW);

        Proposal.ScoredCandidate busyScore = proposal.candidate(busy.id()).orElseThrow();
        assertThat(busyScore.components().get(2).value()).isCloseTo(0.5, within(1e-9));
        // three open visits of an hour each: arrives after the 2 h target but before the 5 h promise
        assertThat(busyScore.components().get(3).value()).isEqualTo(0.4);
        assertThat(proposal.best().orElseThrow().name()).isEqualTo("闲");
    }

    @Test
    void aJobWithoutLocationIsProposedButNeverAutoAssignedAndSaysWhy() {
        Technician t = technician("甲", PEOPLES_SQUARE, 3, Map.of());
        Proposal proposal = engine.propose(job(null, null, null), List.of(new Candidate(t, 0, false)), NOW);

        assertThat(proposal.ranked()).hasSize(1);
        assertThat(proposal.best().orElseThrow().components().get(1).weight()).isZero();
        assertThat(proposal.autoAssignable()).isFalse();
        assertThat(proposal.autoAssignVerdict()).startsWith("no-location-no-auto-assign");
    }

    @Test
    void onASundayNobodyWorks() {
        Technician t = technician("甲", PEOPLES_SQUARE, 3, Map.of());
        Instant sunday = Instant.parse("2026-11-29T02:00:00Z");
        assertThat(engine.exclusion(job(PEOPLES_SQUARE, null, null), new Candidate(t, 0, false), sunday).orElseThrow().rule())
                .isEqualTo(AssignmentEngine.RULE_WORKS_TODAY);
    }
}
