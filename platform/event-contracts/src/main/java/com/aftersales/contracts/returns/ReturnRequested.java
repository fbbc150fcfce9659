package com.aftersales.contracts.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A return (RMA) was requested at a store, by the call centre or by a dealer. Keyed by return id.
 *
 * @param channel     CONSUMER or DEALER
 * @param requestDate calendar date of the request in the store's time zone (what the policy counts from)
 */
public record ReturnRequested(UUID returnId, String serialNumber, UUID productId, UUID customerId, String category,
                              String channel, String storeCode, String salespersonCode, boolean qualityFaultClaimed,
                              String reason, LocalDate requestDate, Instant requestedAt) {
}
