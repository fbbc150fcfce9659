package com.aftersales.returns.policy;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;

/**
 * Dealer (B2B, store-to-warehouse) returns, counted from the shipment date.
 *
 * @param fullCreditPeriod      returned within it: credited in full
 * @param reducedCreditPercent  credited at this percentage after the full-credit period
 * @param acceptancePeriod      after it the return is not accepted
 * @param photoApprovalTime     large items: photos are approved (or not) within this time of the request
 */
public record DealerPolicy(Period fullCreditPeriod, int reducedCreditPercent, Period acceptancePeriod,
                           Duration photoApprovalTime) {

    public static final int FULL_CREDIT_PERCENT = 100;

    public DealerPolicy {
        Objects.requireNonNull(fullCreditPeriod, "fullCreditPeriod");
        Objects.requireNonNull(acceptancePeriod, "acceptancePeriod");
        Objects.requireNonNull(photoApprovalTime, "photoApprovalTime");
        if (reducedCreditPercent < 0 || reducedCreditPercent > FULL_CREDIT_PERCENT) {
            throw new IllegalArgumentException("reduced credit must be 0..100 %: " + reducedCreditPercent);
        }
        if (acceptancePeriod.toTotalMonths() < fullCreditPeriod.toTotalMonths()) {
            throw new IllegalArgumentException("the acceptance period must not end before the full-credit period");
        }
    }
}
