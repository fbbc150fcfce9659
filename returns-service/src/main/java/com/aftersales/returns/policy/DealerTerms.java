package com.aftersales.returns.policy;

import java.time.Duration;

/**
 * What a dealer return gets beyond the remedy.
 *
 * @param creditPercent          share of the invoice value credited (0 when refused)
 * @param photoApprovalRequired  large item: photos must be approved before the goods are sent
 * @param photoApprovalTime      how long the approval may take from the request
 */
public record DealerTerms(int creditPercent, boolean photoApprovalRequired, Duration photoApprovalTime) {
}
