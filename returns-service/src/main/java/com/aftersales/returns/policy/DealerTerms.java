package com.aftersales.returns.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What a dealer return gets beyond the remedy.
 *
 * @param creditPercent          share of the invoice value credited (0 when refused)
 * @param photoApprovalRequired  large item or display sample: photos must be approved before the goods are sent
 * @param photoApprovalTime      how long the approval may take from the request
 * @param windowCreditPercent    the share the shipment date allows (100 within the full-credit window, the reduced
 *                               share after it, 0 after the acceptance period), whatever an exclusion says
 * @param deductions             packaging deductions, each with its rule
 * @param creditAmount           unit cost x quantity x credit share - deductions (not below zero); null without a cost
 * @param currency               of the amounts
 */
public record DealerTerms(int creditPercent, boolean photoApprovalRequired, Duration photoApprovalTime,
                          int windowCreditPercent, List<Deduction> deductions, BigDecimal creditAmount, String currency) {

    public DealerTerms {
        deductions = deductions == null ? List.of() : List.copyOf(deductions);
    }

    /** One packaging deduction: {@code count} items at {@code amountEach}. */
    public record Deduction(PolicyRule rule, int count, BigDecimal amountEach, BigDecimal amount) {
    }

    public BigDecimal deductionTotal() {
        return deductions.stream().map(Deduction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
