package com.aftersales.contracts.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A return (RMA) was requested at a store, by the call centre or by a dealer. Keyed by return id.
 *
 * @param channel     CONSUMER or DEALER
 * @param requestDate calendar date of the request in the store's time zone (what the policy counts from)
 * @param ticketId    v1.1: the ticket the return comes from, when requested for one; null otherwise
 */
public record ReturnRequested(UUID returnId, String serialNumber, UUID productId, UUID customerId, String category,
                              String channel, String storeCode, String salespersonCode, boolean qualityFaultClaimed,
                              String reason, LocalDate requestDate, Instant requestedAt, UUID ticketId) {

    /** The fields of v1.0. */
    public ReturnRequested(UUID returnId, String serialNumber, UUID productId, UUID customerId, String category,
                           String channel, String storeCode, String salespersonCode, boolean qualityFaultClaimed,
                           String reason, LocalDate requestDate, Instant requestedAt) {
        this(returnId, serialNumber, productId, customerId, category, channel, storeCode, salespersonCode,
                qualityFaultClaimed, reason, requestDate, requestedAt, null);
    }
}
