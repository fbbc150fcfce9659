package com.aftersales.contracts.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * For out-of-warranty work, the customer was told the charge basis (收费项目必须明确告之) — from now
 * on the ticket may be dispatched. Keyed by {@code ticketId}.
 */
public record TicketChargeBasisCommunicated(UUID ticketId, String communicatedBy, Instant communicatedAt) {
}
