package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * A return has not been processed in time: WARNING after the processing time (5 days by default),
 * ESCALATED when untouched for the escalation time (30 days). Keyed by return id; at most one per level.
 */
public record ReturnAgeingAlert(UUID returnId, String level, String status, long daysWithoutProgress,
                                Instant lastProgressAt, Instant raisedAt) {
}
