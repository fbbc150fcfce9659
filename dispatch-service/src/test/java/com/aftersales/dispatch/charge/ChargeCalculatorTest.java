package com.aftersales.dispatch.charge;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargeCalculatorTest {

    private final ChargeCalculator calculator = new ChargeCalculator(new RateTable("CNY",
            Map.of("AIR_CONDITIONER", new BigDecimal("120")), new BigDecimal("80"), new BigDecimal("50"),
            new BigDecimal("30"), 15));
    private final List<ChargeCalculator.PartLine> capacitor = List.of(
            new ChargeCalculator.PartLine("CAP-35", 2, new BigDecimal("12.50"), new BigDecimal("38.00")));

    @Test
    void outOfWarrantyWorkIsBilledInStartedIncrementsAtTheCategoryRatePlusPartsAndCallout() {
        ChargeCalculator.Charge charge = calculator.charge("OUT_OF_WARRANTY", "AIR_CONDITIONER", 40, capacitor);

        assertThat(charge.billedMinutes()).isEqualTo(45);
        assertThat(charge.labour()).isEqualByComparingTo("90.00");
        assertThat(charge.parts()).isEqualByComparingTo("76.00");
        assertThat(charge.callout()).isEqualByComparingTo("30.00");
        assertThat(charge.charged()).isEqualByComparingTo("196.00");
        // 40 min at 50/h + 2 × 12.50
        assertThat(charge.cost()).isEqualByComparingTo("58.33");
        assertThat(charge.rule()).startsWith(ChargeCalculator.RULE_RATE_TABLE).contains("40 min billed as 45 at 120/h");
    }

    @Test
    void inWarrantyWorkIsFreeButStillCosted() {
        ChargeCalculator.Charge charge = calculator.charge("IN_WARRANTY", "AIR_CONDITIONER", 60, capacitor);

        assertThat(charge.charged()).isEqualByComparingTo("0");
        assertThat(charge.cost()).isEqualByComparingTo("75.00");
        assertThat(charge.rule()).startsWith(ChargeCalculator.RULE_IN_WARRANTY_FREE);
    }

    @Test
    void unknownCategoriesUseTheDefaultRateAndExactIncrementsAreNotRoundedUp() {
        ChargeCalculator.Charge charge = calculator.charge("OUT_OF_WARRANTY", "TOASTER", 30, List.of());
        assertThat(charge.billedMinutes()).isEqualTo(30);
        assertThat(charge.labour()).isEqualByComparingTo("40.00");
        assertThat(charge.charged()).isEqualByComparingTo("70.00");
    }

    @Test
    void outOfWarrantyAPartUnderTheManufacturersLongerCoverIsNotChargedButLabourAndCalloutAre() {
        List<ChargeCalculator.PartLine> lines = List.of(
                new ChargeCalculator.PartLine("CMP-35", 1, new BigDecimal("600.00"), new BigDecimal("900.00"), "COMPRESSOR"),
                new ChargeCalculator.PartLine("CAP-35", 2, new BigDecimal("12.50"), new BigDecimal("38.00"), null));

        ChargeCalculator.Charge covered = calculator.charge("OUT_OF_WARRANTY", "AIR_CONDITIONER", 60, lines, java.util.Set.of("COMPRESSOR"));
        ChargeCalculator.Charge expired = calculator.charge("OUT_OF_WARRANTY", "AIR_CONDITIONER", 60, lines, java.util.Set.of());

        assertThat(covered.parts()).isEqualByComparingTo("76.00");
        assertThat(covered.charged()).isEqualByComparingTo("226.00");
        assertThat(covered.rule()).startsWith(ChargeCalculator.RULE_PART_UNDER_COVER).contains("CMP-35 (COMPRESSOR)");
        assertThat(covered.cost()).as("the company still bears the part").isEqualTo(expired.cost());
        assertThat(expired.parts()).isEqualByComparingTo("976.00");
        assertThat(expired.rule()).startsWith(ChargeCalculator.RULE_RATE_TABLE);
    }

    @Test
    void negativeLabourIsRefused() {
        assertThatThrownBy(() -> calculator.charge("OUT_OF_WARRANTY", null, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
