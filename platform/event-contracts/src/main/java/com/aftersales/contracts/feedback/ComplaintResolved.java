package com.aftersales.contracts.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A complaint's resolution was agreed. On {@code aftersales.feedback.v1}, keyed by {@code complaintId}.
 *
 * @param resolution         what was done, in words
 * @param compensationAmount compensation granted, zero when none
 * @param currency           ISO 4217, e.g. CNY
 */
public record ComplaintResolved(
        UUID complaintId,
        UUID customerId,
        String aboutType,
        String aboutRef,
        String severity,
        String resolution,
        BigDecimal compensationAmount,
        String currency,
        String resolvedBy,
        Instant resolvedAt) {
}
