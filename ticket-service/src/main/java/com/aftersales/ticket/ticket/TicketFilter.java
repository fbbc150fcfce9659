package com.aftersales.ticket.ticket;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.nio.charset.StandardCharsets;

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

    /** Where a page ends; opaque to clients. */
    public record Cursor(Instant openedAt, UUID id) {

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((openedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException when the token was not made by {@link #encode()} */
        public static Cursor decode(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("not a page token");
                }
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a page token", e);
            }
        }
    }
}
