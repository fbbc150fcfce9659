package com.aftersales.contracts.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's request was recorded as a ticket. Keyed by {@code ticketId}.
 *
 * @param faultCategory optional fault category code chosen by the agent
 */
public record TicketOpened(
        UUID ticketId,
        UUID customerId,
        String serialNumber,
        String model,
        String ticketType,
        String channel,
        String priority,
        String faultCategory,
        String faultDescription,
        Instant openedAt) {
}
