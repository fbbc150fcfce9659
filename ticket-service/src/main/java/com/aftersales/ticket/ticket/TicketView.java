package com.aftersales.ticket.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A ticket as the API shows it, with its timeline. */
public record TicketView(
        UUID id,
        UUID customerId,
        String serialNumber,
        String model,
        TicketType ticketType,
        Channel channel,
        Priority priority,
        String faultCategory,
        String faultDescription,
        TicketStatus status,
        Instant openedAt,
        Instant updatedAt,
        long version,
        List<TimelineEntryView> timeline) {

    static TicketView of(Ticket ticket, List<TimelineEntry> timeline) {
        return new TicketView(ticket.id(), ticket.customerId(), ticket.serialNumber(), ticket.model(), ticket.type(),
                ticket.channel(), ticket.priority(), ticket.faultCategory(), ticket.faultDescription(), ticket.status(),
                ticket.openedAt(), ticket.updatedAt(), ticket.version(),
                timeline.stream().map(TimelineEntryView::of).toList());
    }

    public record TimelineEntryView(Instant at, String kind, TicketStatus fromStatus, TicketStatus toStatus,
                                    String actor, String reason) {
        static TimelineEntryView of(TimelineEntry entry) {
            return new TimelineEntryView(entry.occurredAt(), entry.kind(), entry.fromStatus(), entry.toStatus(),
                    entry.actor(), entry.reason());
        }
    }
}
