package com.aftersales.contracts.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * A technician was assigned to a dispatch job. Keyed by {@code ticketId}.
 *
 * @param mode        AUTO (the engine assigned on the supervisor's behalf), ACCEPTED (a supervisor accepted the
 *                    proposal) or OVERRIDE (a supervisor chose the technician)
 * @param assignedBy  {@code system} or the supervisor's identity
 * @param score       the engine's score of this technician for the job (0..1); null when not scored
 * @param explanation which rule fired and the score components, in words
 */
public record TechnicianAssigned(
        UUID jobId,
        UUID ticketId,
        UUID technicianId,
        String technicianName,
        String mode,
        String assignedBy,
        Double score,
        String explanation,
        Instant assignedAt) {
}
