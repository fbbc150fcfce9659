package com.aftersales.contracts.dispatch;

import java.time.Instant;
import java.util.UUID;

/** The technician arrived on site and started work. Keyed by {@code ticketId}. */
public record VisitStarted(
        UUID visitId,
        UUID jobId,
        UUID ticketId,
        UUID technicianId,
        Instant startedAt) {
}
