package com.aftersales.dispatch.charge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code aftersales.dispatch.charges.*}.
 *
 * @param labourRatePerHour      what the customer pays per labour hour, by product category
 * @param defaultLabourRatePerHour for categories the table does not list
 * @param labourCostPerHour      what an hour of a technician costs the company
 * @param calloutFee             charged once per out-of-warranty visit
 * @param billingIncrementMinutes labour is billed in started increments of this many minutes
 */
@ConfigurationProperties("aftersales.dispatch.charges")
public record ChargeProperties(
        @DefaultValue("CNY") String currency,
        Map<String, BigDecimal> labourRatePerHour,
        @DefaultValue("80") BigDecimal defaultLabourRatePerHour,
        @DefaultValue("50") BigDecimal labourCostPerHour,
        @DefaultValue("30") BigDecimal calloutFee,
        @DefaultValue("15") int billingIncrementMinutes) {

    public RateTable rateTable() {
        return new RateTable(currency, labourRatePerHour == null ? Map.of() : labourRatePerHour, defaultLabourRatePerHour,
                labourCostPerHour, calloutFee, billingIncrementMinutes);
    }
}
