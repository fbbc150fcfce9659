package com.aftersales.returns.product;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts of one registered unit as last reported by ticket-service, and as of when.
 *
 * @param salespersonCode who sold it, if the store recorded it (a return of it counts for that salesperson)
 */
public record ProductSnapshot(UUID productId, UUID customerId, String serialNumber, String model, String category,
                              String batchNumber, LocalDate purchaseDate, String storeCode, String priceType,
                              boolean customMade, boolean warrantyCardPresent, boolean soldByUs, String installRegionCode,
                              Instant asOf, LocalDate installationDate, String salespersonCode) {
}
