package com.aftersales.dispatch.job;

import java.time.Instant;
import java.util.UUID;

/** A ticket's need for a technician visit, from queueing to assignment. */
public record DispatchJob(UUID id, UUID ticketId, String model, String faultCategory, String ticketPriority,
                          DispatchJobStatus status, String reason, Instant queuedAt) {

    public static DispatchJob queue(UUID ticketId, String model, String faultCategory, String ticketPriority,
                                    String reason, Instant now) {
        return new DispatchJob(UUID.randomUUID(), ticketId, model, faultCategory, ticketPriority,
                DispatchJobStatus.AWAITING_ASSIGNMENT, reason, now);
    }
}
