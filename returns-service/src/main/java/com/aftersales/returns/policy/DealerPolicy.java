package com.aftersales.returns.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Dealer (B2B, store-to-warehouse) returns, counted from the shipment date.
 *
 * @param fullCreditPeriod        returned within it: credited in full
 * @param reducedCreditPercent    credited at this percentage after the full-credit period
 * @param acceptancePeriod        after it the return is not accepted
 * @param photoApprovalTime       large items and display samples: photos are approved (or not) within this time
 * @param currency                of the deductions and credits
 * @param bagDeduction            deducted for each packaging bag to replace
 * @param boxDeductionPercent     deducted for each outer box to replace, as a share of the unit cost
 * @param disabledExclusions      dealer exclusions that do not apply
 * @param waivedByQualityFault    dealer exclusions that do not apply when a quality fault is claimed
 */
public record DealerPolicy(Period fullCreditPeriod, int reducedCreditPercent, Period acceptancePeriod,
                           Duration photoApprovalTime, String currency, BigDecimal bagDeduction, int boxDeductionPercent,
                           Set<PolicyRule> disabledExclusions, Set<PolicyRule> waivedByQualityFault) {

    public static final int FULL_CREDIT_PERCENT = 100;

    public DealerPolicy {
        Objects.requireNonNull(fullCreditPeriod, "fullCreditPeriod");
        Objects.requireNonNull(acceptancePeriod, "acceptancePeriod");
        Objects.requireNonNull(photoApprovalTime, "photoApprovalTime");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(bagDeduction, "bagDeduction");
        if (reducedCreditPercent < 0 || reducedCreditPercent > FULL_CREDIT_PERCENT) {
            throw new IllegalArgumentException("reduced credit must be 0..100 %: " + reducedCreditPercent);
        }
        if (boxDeductionPercent < 0 || boxDeductionPercent > FULL_CREDIT_PERCENT) {
            throw new IllegalArgumentException("box deduction must be 0..100 % of the cost: " + boxDeductionPercent);
        }
        if (bagDeduction.signum() < 0) {
            throw new IllegalArgumentException("bag deduction must not be negative: " + bagDeduction);
        }
        if (acceptancePeriod.toTotalMonths() < fullCreditPeriod.toTotalMonths()) {
            throw new IllegalArgumentException("the acceptance period must not end before the full-credit period");
        }
        disabledExclusions = dealerExclusions(disabledExclusions, "disabled-exclusions");
        waivedByQualityFault = dealerExclusions(waivedByQualityFault, "waived-by-quality-fault");
    }

    private static Set<PolicyRule> dealerExclusions(Set<PolicyRule> rules, String property) {
        if (rules == null || rules.isEmpty()) {
            return Set.of();
        }
        for (PolicyRule rule : rules) {
            if (!rule.isDealerExclusion()) {
                throw new IllegalArgumentException("dealer." + property + ": only dealer exclusions, not " + rule);
            }
        }
        return Set.copyOf(EnumSet.copyOf(rules));
    }

    public boolean applies(PolicyRule exclusion, boolean qualityFaultClaimed) {
        return !disabledExclusions.contains(exclusion) && !(qualityFaultClaimed && waivedByQualityFault.contains(exclusion));
    }
}
