package com.aftersales.contracts.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint was escalated (the customer refused the proposal, or handling ran out of time).
 * On {@code aftersales.feedback.v1}, keyed by {@code complaintId}.
 *
 * @param fromStatus the status it was escalated from
 */
public record ComplaintEscalated(
        UUID complaintId,
        UUID customerId,
        String fromStatus,
        String severity,
        String reason,
        String escalatedBy,
        Instant escalatedAt) {
}
