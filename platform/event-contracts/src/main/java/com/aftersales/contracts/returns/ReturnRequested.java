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
 * @param requestedByStore    v1.2: the store of the clerk who requested it when a STORE clerk did (his token's scope);
 *                            null when a role that sees every store did. Consumers that follow {@code ticketId} only
 *                            accept a ticket of this store.
 * @param requestDateOverride v1.2: present when a supervisor set a request date other than today at the store
 */
public record ReturnRequested(UUID returnId, String serialNumber, UUID productId, UUID customerId, String category,
                              String channel, String storeCode, String salespersonCode, boolean qualityFaultClaimed,
                              String reason, LocalDate requestDate, Instant requestedAt, UUID ticketId,
                              String requestedByStore, RequestDateOverride requestDateOverride) {

    /**
     * A request date other than the day of the request, set by a supervisor (rule {@code request-date-set-by-supervisor}).
     *
     * @param supervisor   who set it (roles and subject)
     * @param reason       why
     * @param storeToday   the day it really was at the store when the return was requested
     */
    public record RequestDateOverride(String supervisor, String reason, LocalDate storeToday) {
    }

    /** The fields of v1.1. */
    public ReturnRequested(UUID returnId, String serialNumber, UUID productId, UUID customerId, String category,
                           String channel, String storeCode, String salespersonCode, boolean qualityFaultClaimed,
                           String reason, LocalDate requestDate, Instant requestedAt, UUID ticketId) {
        this(returnId, serialNumber, productId, customerId, category, channel, storeCode, salespersonCode,
                qualityFaultClaimed, reason, requestDate, requestedAt, ticketId, null, null);
    }

    /** The fields of v1.0. */
    public ReturnRequested(UUID returnId, String serialNumber, UUID productId, UUID customerId, String category,
                           String channel, String storeCode, String salespersonCode, boolean qualityFaultClaimed,
                           String reason, LocalDate requestDate, Instant requestedAt) {
        this(returnId, serialNumber, productId, customerId, category, channel, storeCode, salespersonCode,
                qualityFaultClaimed, reason, requestDate, requestedAt, null);
    }
}
