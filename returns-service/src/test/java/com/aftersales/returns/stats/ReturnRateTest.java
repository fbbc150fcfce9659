package com.aftersales.returns.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnRateTest {

    private static final BigDecimal TARGET = new BigDecimal("0.025");
    private static final BigDecimal FLAG = new BigDecimal("0.10");

    @ParameterizedTest(name = "{0} of {1} sold: {2}")
    @CsvSource(textBlock = """
            0,   100,  WITHIN_TARGET
            25,  1000, WITHIN_TARGET
            26,  1000, ABOVE_TARGET
            10,  100,  ABOVE_TARGET
            11,  100,  FLAGGED
            3,   0,    NO_SALES_DATA
            """)
    void comparesTheRateWithTheTargetAndTheFlagLevel(long returned, long sold, ReturnRate.Level level) {
        assertThat(ReturnRate.of("S", returned, 0, sold, TARGET, FLAG).level()).isEqualTo(level);
    }

    @Test
    void withoutSalesDataThereIsNoRate() {
        ReturnRate rate = ReturnRate.of("salesperson-7", 4, 1, null, TARGET, FLAG);
        assertThat(rate.rate()).isNull();
        assertThat(rate.level()).isEqualTo(ReturnRate.Level.NO_SALES_DATA);
        assertThat(rate.excluded()).isEqualTo(1);
    }

    @Test
    void onAmountsTheLevelFollowsTheAmountRate() {
        // 1 unit of 10 returned (10 %, above target) but it was the cheapest: 100 of 10,000 (1 %, within target)
        ReturnRate quantity = ReturnRate.of("S", 1, 0, 10L, new BigDecimal("100.00"), new BigDecimal("10000.00"),
                ReturnRate.Basis.QUANTITY, TARGET, FLAG);
        ReturnRate amount = ReturnRate.of("S", 1, 0, 10L, new BigDecimal("100.00"), new BigDecimal("10000.00"),
                ReturnRate.Basis.AMOUNT, TARGET, FLAG);
        assertThat(quantity.level()).isEqualTo(ReturnRate.Level.ABOVE_TARGET);
        assertThat(amount.amountRate()).isEqualByComparingTo("0.01");
        assertThat(amount.level()).isEqualTo(ReturnRate.Level.WITHIN_TARGET);
        assertThat(ReturnRate.of("S", 1, 0, 10L, BigDecimal.ZERO, null, ReturnRate.Basis.AMOUNT, TARGET, FLAG).level())
                .as("no sale amounts recorded").isEqualTo(ReturnRate.Level.NO_SALES_DATA);
    }
}
