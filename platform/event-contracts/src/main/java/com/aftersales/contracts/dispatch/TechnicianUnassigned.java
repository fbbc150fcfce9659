package com.aftersales.contracts.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * A technician no longer has a dispatch job. Keyed by {@code ticketId}.
 *
 * @param cause  DECLINED (by the technician), OVERRIDDEN (a supervisor reassigned), OFF_DUTY, CANCELLED
 * @param reason the free-text reason given
 */
public record TechnicianUnassigned(
        UUID jobId,
        UUID ticketId,
        UUID technicianId,
        String cause,
        String reason,
        String unassignedBy,
        Instant unassignedAt) {
}
