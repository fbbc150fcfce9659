package com.aftersales.returns.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code aftersales.returns.stats}.
 *
 * @param targetRate return rate a store or salesperson should stay at or under (2.5 %)
 * @param flagRate   above this the group is flagged (10 %)
 * @param basis      the rate the levels are decided on: QUANTITY (units, as the brief says) or AMOUNT (sales amounts)
 */
@ConfigurationProperties("aftersales.returns.stats")
public record StatsProperties(BigDecimal targetRate, BigDecimal flagRate, ReturnRate.Basis basis) {

    public StatsProperties {
        basis = basis == null ? ReturnRate.Basis.QUANTITY : basis;
        Objects.requireNonNull(targetRate, "aftersales.returns.stats.target-rate must be set");
        Objects.requireNonNull(flagRate, "aftersales.returns.stats.flag-rate must be set");
        if (flagRate.compareTo(targetRate) < 0) {
            throw new IllegalArgumentException("the flag rate must not be below the target rate");
        }
    }
}
