package com.aftersales.ticket.ticket;

import java.time.Instant;

/**
 * One line of a ticket's history: who did what, when and why.
 *
 * @param fromStatus null for entries that do not change the status
 */
public record TimelineEntry(Instant occurredAt, String kind, TicketStatus fromStatus, TicketStatus toStatus,
                            String actor, String reason) {

    public static final String OPENED = "OPENED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
}
