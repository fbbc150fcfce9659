package com.aftersales.ticket.ticket;

import java.util.UUID;

/**
 * What a ticket is about, captured at intake from the customer profile and the registered unit, so that
 * events and searches do not need to look them up again.
 */
public record TicketSubject(UUID customerId, UUID productId, String serialNumber, String model, String productCategory,
                            String batchNumber, String storeCode, String customerTier, String regionCode,
                            Double latitude, Double longitude) {
}
