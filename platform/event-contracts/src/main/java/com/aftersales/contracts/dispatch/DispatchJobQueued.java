package com.aftersales.contracts.dispatch;

import java.time.Instant;
import java.util.UUID;

/** dispatch-service accepted a ticket that needs a visit and queued a job awaiting assignment. Keyed by {@code ticketId}. */
public record DispatchJobQueued(
        UUID jobId,
        UUID ticketId,
        String model,
        String faultCategory,
        Instant queuedAt) {
}
