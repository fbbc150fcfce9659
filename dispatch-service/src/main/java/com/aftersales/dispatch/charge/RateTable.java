package com.aftersales.dispatch.charge;

import java.math.BigDecimal;
import java.util.Map;

/** The configured labour rates and fees a charge is computed with. */
public record RateTable(String currency, Map<String, BigDecimal> labourRatePerHour, BigDecimal defaultLabourRatePerHour,
                        BigDecimal labourCostPerHour, BigDecimal calloutFee, int billingIncrementMinutes) {

    public RateTable {
        labourRatePerHour = Map.copyOf(labourRatePerHour);
        if (billingIncrementMinutes <= 0) {
            throw new IllegalArgumentException("billing increment must be positive");
        }
    }

    public BigDecimal labourRate(String productCategory) {
        return productCategory == null ? defaultLabourRatePerHour
                : labourRatePerHour.getOrDefault(productCategory, defaultLabourRatePerHour);
    }
}
