package com.aftersales.ticket.product;

import com.aftersales.ticket.customer.Address;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A registered unit as the API shows it.
 *
 * @param serviceHistory the unit's tickets, newest first; only on lookups by serial number
 */
public record ProductView(UUID id, UUID customerId, String serialNumber, String model, String category,
                          String batchNumber, LocalDate purchaseDate, String storeCode, String receiptNumber,
                          PriceType priceType, boolean customMade, boolean warrantyCardPresent, boolean soldByUs,
                          Address installAddress, Instant registeredAt, Instant updatedAt, long version,
                          List<ServiceRecord> serviceHistory) {

    static ProductView of(RegisteredProduct p, List<ServiceRecord> history) {
        return new ProductView(p.id(), p.customerId(), p.serialNumber(), p.model(), p.category(), p.batchNumber(),
                p.purchaseDate(), p.storeCode(), p.receiptNumber(), p.priceType(), p.customMade(),
                p.warrantyCardPresent(), p.soldByUs(), p.installAddress(), p.registeredAt(), p.updatedAt(), p.version(),
                history);
    }

    /** The unit without its receipt number (a technician on the job needs where it is, not what was paid). */
    ProductView withoutReceipt() {
        return new ProductView(id, customerId, serialNumber, model, category, batchNumber, purchaseDate, storeCode, null,
                priceType, customMade, warrantyCardPresent, soldByUs, installAddress, registeredAt, updatedAt, version,
                serviceHistory);
    }

    /** What an inspection is decided on: the unit's facts and history, not who owns it, where it is or the receipt. */
    ProductView forInspection() {
        return new ProductView(id, null, serialNumber, model, category, batchNumber, purchaseDate, storeCode, null,
                priceType, customMade, warrantyCardPresent, soldByUs, null, registeredAt, updatedAt, version,
                serviceHistory);
    }

    /** One ticket in a unit's service history. */
    public record ServiceRecord(UUID ticketId, String ticketType, String status, Instant openedAt, String faultCategory,
                                String faultDescription) {
    }
}
