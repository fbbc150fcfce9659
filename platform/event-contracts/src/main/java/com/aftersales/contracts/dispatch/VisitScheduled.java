package com.aftersales.contracts.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * A visit was agreed with the customer for an appointment window (or moved to a new one). Keyed by {@code ticketId}.
 *
 * @param rescheduled true when this replaces an earlier window of the same visit
 */
public record VisitScheduled(
        UUID visitId,
        UUID jobId,
        UUID ticketId,
        UUID technicianId,
        Instant windowStart,
        Instant windowEnd,
        boolean rescheduled,
        String reason,
        Instant scheduledAt) {
}
