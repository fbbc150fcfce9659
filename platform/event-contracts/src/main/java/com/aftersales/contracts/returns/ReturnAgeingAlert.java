package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * Received goods have not been processed in time: WARNING after the processing time since their arrival at the
 * warehouse (5 days by default), ESCALATED after the escalation time (30 days), naming the person responsible. Keyed
 * by return id; at most one per level and return.
 *
 * @param receivedAt      v1.1: when the goods arrived (what the alert counts from)
 * @param daysSinceArrival v1.1: whole days since then
 * @param responsible     v1.1: who an ESCALATED alert names (the store's returns manager); null on a WARNING
 */
public record ReturnAgeingAlert(UUID returnId, String level, String status, long daysWithoutProgress,
                                Instant lastProgressAt, Instant raisedAt, Instant receivedAt, Long daysSinceArrival,
                                String responsible) {

    /** The v1.0 shape, for producers and tests that know only it. */
    public ReturnAgeingAlert(UUID returnId, String level, String status, long daysWithoutProgress, Instant lastProgressAt,
                             Instant raisedAt) {
        this(returnId, level, status, daysWithoutProgress, lastProgressAt, raisedAt, null, null, null);
    }
}
