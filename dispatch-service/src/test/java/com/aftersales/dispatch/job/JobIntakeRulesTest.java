package com.aftersales.dispatch.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobIntakeRulesTest {

    @Test
    void outOfWarrantyWorkIsHeldUntilTheChargeBasisWasCommunicated() {
        assertThat(JobIntakeRules.holdReason("OUT_OF_WARRANTY", null)).startsWith(JobIntakeRules.CHARGE_BASIS_BEFORE_DISPATCH);
        assertThat(JobIntakeRules.holdReason("OUT_OF_WARRANTY", false)).isNotNull();
        assertThat(JobIntakeRules.holdReason("OUT_OF_WARRANTY", true)).isNull();
        assertThat(JobIntakeRules.holdReason("IN_WARRANTY", null)).isNull();
        assertThat(JobIntakeRules.holdReason(null, null)).as("entitlement not decided yet").isNull();
    }

    @Test
    void withoutCoordinatesTheEngineMayNotAssignAlone() {
        assertThat(JobIntakeRules.autoAssignBlocked(null, null)).startsWith(JobIntakeRules.NO_LOCATION_NO_AUTO_ASSIGN);
        assertThat(JobIntakeRules.autoAssignBlocked(31.2, null)).isNotNull();
        assertThat(JobIntakeRules.autoAssignBlocked(31.2, 121.4)).isNull();
    }
}
