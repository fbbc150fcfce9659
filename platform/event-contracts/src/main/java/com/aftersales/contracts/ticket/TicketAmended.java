package com.aftersales.contracts.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent corrected a ticket's priority or fault details. Keyed by {@code ticketId}. When the priority changed,
 * the ticket's running SLA clocks took the new priority's targets; {@code sla} carries the due times of all its
 * clocks after the change either way, so that dispatch plans with the current promise.
 *
 * @param changed       the fields that changed: priority, faultCategory, faultCode, faultDescription
 * @param slaRetargeted the SLA rules that now apply to the clocks that changed target (empty when none did)
 */
public record TicketAmended(UUID ticketId, List<String> changed, String priority, String faultCategory, String faultCode,
                            String faultDescription, TicketOpened.SlaDueTimes sla, List<String> slaRetargeted,
                            String amendedBy, Instant amendedAt) {
}
