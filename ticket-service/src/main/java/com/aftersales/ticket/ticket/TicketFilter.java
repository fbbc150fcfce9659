package com.aftersales.ticket.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters of the ticket list; null means "any". Pages are keyset cursors on (openedAt, id), newest
 * first, so a page does not shift when new tickets arrive.
 *
 * @param createdTo exclusive
 */
public record TicketFilter(TicketStatus status, TicketType type, UUID customerId, String serialNumber, String model,
                           String storeCode, String technicianId, SlaState slaState, Instant createdFrom,
                           Instant createdTo) {

    /** The SLA view of a ticket in lists. */
    public enum SlaState {
        ON_TRACK, AT_RISK, BREACHED
    }

    /** Where a page ends (the platform's page token holds it, docs/paging.md). */
    public record Cursor(Instant openedAt, UUID id) {
    }
}
