package com.aftersales.ticket.ticket;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WarrantyPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private final WarrantyPolicy policy = new WarrantyPolicy(Map.of("AIR_CONDITIONER", Period.ofYears(3)), Period.ofYears(1), true);

    @Test
    void withinTheCategoryPeriodIsInWarrantyAndSaysUntilWhen() {
        Entitlement e = policy.decide("AIR_CONDITIONER", LocalDate.of(2024, 1, 10), true, null, TODAY);

        assertThat(e.status()).isEqualTo(Entitlement.Status.IN_WARRANTY);
        assertThat(e.rule()).isEqualTo("within-warranty");
        assertThat(e.reason()).contains("2024-01-10", "P3Y", "2027-01-09");
        assertThat(e.chargeable()).isFalse();
    }

    @Test
    void categoriesWithoutTheirOwnPeriodUseTheDefault() {
        Entitlement e = policy.decide("WASHING_MACHINE", LocalDate.of(2024, 1, 10), true, null, TODAY);

        assertThat(e.status()).isEqualTo(Entitlement.Status.OUT_OF_WARRANTY);
        assertThat(e.rule()).isEqualTo("warranty-expired");
        assertThat(e.reason()).contains("ended on 2025-01-09");
        assertThat(e.chargeable()).isTrue();
    }

    @Test
    void theLastDayOfCoverageIsStillCovered() {
        assertThat(policy.decide("TV", TODAY.minusYears(1).plusDays(1), true, null, TODAY).status())
                .isEqualTo(Entitlement.Status.IN_WARRANTY);
        assertThat(policy.decide("TV", TODAY.minusYears(1), true, null, TODAY).status())
                .isEqualTo(Entitlement.Status.OUT_OF_WARRANTY);
    }

    @Test
    void withoutCardOrReceiptTheEntitlementIsUnknownAndChargeable() {
        Entitlement e = policy.decide("TV", TODAY.minusMonths(1), false, " ", TODAY);

        assertThat(e.status()).isEqualTo(Entitlement.Status.UNKNOWN);
        assertThat(e.rule()).isEqualTo("no-proof-of-purchase");
        assertThat(e.chargeable()).isTrue();
        assertThat(policy.decide("TV", TODAY.minusMonths(1), false, "R-1", TODAY).status())
                .isEqualTo(Entitlement.Status.IN_WARRANTY);
    }

    @Test
    void proofOfPurchaseCanBeSwitchedOff() {
        WarrantyPolicy lenient = new WarrantyPolicy(Map.of(), Period.ofYears(1), false);
        assertThat(lenient.decide("TV", TODAY.minusMonths(1), false, null, TODAY).status())
                .isEqualTo(Entitlement.Status.IN_WARRANTY);
    }
}
