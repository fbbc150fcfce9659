package com.aftersales.dispatch.job;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VisitRequirementTest {

    private final VisitRequirement rule = new VisitRequirement(Set.of("REPAIR", "INSTALLATION"));

    @Test
    void repairsAndInstallationsNeedAVisitAndTheDecisionNamesTheRule() {
        VisitRequirement.Decision repair = rule.decide("REPAIR");
        assertThat(repair.visitNeeded()).isTrue();
        assertThat(repair.explanation()).startsWith(VisitRequirement.RULE).contains("REPAIR is one of [INSTALLATION, REPAIR]");
        assertThat(rule.decide("INSTALLATION").visitNeeded()).isTrue();
    }

    @Test
    void consultationsAndComplaintsDoNot() {
        assertThat(rule.decide("CONSULTATION").visitNeeded()).isFalse();
        assertThat(rule.decide("COMPLAINT").explanation()).contains("is not one of");
    }
}
