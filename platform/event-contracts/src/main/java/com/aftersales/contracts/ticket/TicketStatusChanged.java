package com.aftersales.contracts.ticket;

import java.time.Instant;
import java.util.UUID;

/** A ticket moved from one lifecycle state to another; {@code reason} says which rule or actor moved it. */
public record TicketStatusChanged(
        UUID ticketId,
        String fromStatus,
        String toStatus,
        String actor,
        String reason,
        Instant changedAt) {
}
