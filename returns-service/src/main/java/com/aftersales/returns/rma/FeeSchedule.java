package com.aftersales.returns.rma;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a customer is charged when the inspection contradicts the claim: the inspection fee, a fee per
 * failed area, and the freight when it moves to the customer. Amounts from configuration.
 */
public record FeeSchedule(String currency, BigDecimal inspectionFee, Map<InspectionReport.Area, BigDecimal> failedAreaFees,
                          BigDecimal returnFreight) {

    public FeeSchedule {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(inspectionFee, "inspectionFee");
        Objects.requireNonNull(returnFreight, "returnFreight");
        failedAreaFees = failedAreaFees == null ? Map.of() : Map.copyOf(failedAreaFees);
    }

    public BigDecimal feeFor(List<InspectionReport.Area> failedAreas, boolean customerPaysFreight) {
        BigDecimal fee = inspectionFee;
        for (InspectionReport.Area area : failedAreas) {
            fee = fee.add(failedAreaFees.getOrDefault(area, BigDecimal.ZERO));
        }
        return customerPaysFreight ? fee.add(returnFreight) : fee;
    }
}
