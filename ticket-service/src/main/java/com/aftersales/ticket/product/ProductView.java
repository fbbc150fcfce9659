package com.aftersales.ticket.product;

import com.aftersales.contracts.warranty.WarrantyCheck;
import com.aftersales.contracts.warranty.WarrantyTerms;
import com.aftersales.ticket.customer.Address;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A registered unit as the API shows it.
 *
 * @param installationDate when the unit was installed, if recorded
 * @param warranty       the unit's warranty cover today under the shared terms (absent in lists)
 * @param serviceHistory the unit's tickets, newest first; only on lookups by serial number
 * @param sale           who sold the unit and what was paid, if recorded (not shown to technicians and QC)
 */
public record ProductView(UUID id, UUID customerId, String serialNumber, String model, String category,
                          String batchNumber, LocalDate purchaseDate, String storeCode, String receiptNumber,
                          PriceType priceType, boolean customMade, boolean warrantyCardPresent, boolean soldByUs,
                          Address installAddress, LocalDate installationDate, Instant registeredAt, Instant updatedAt,
                          long version, WarrantyView warranty, List<ServiceRecord> serviceHistory,
                          RegisteredProduct.Sale sale) {

    static ProductView of(RegisteredProduct p, WarrantyView warranty, List<ServiceRecord> history) {
        return new ProductView(p.id(), p.customerId(), p.serialNumber(), p.model(), p.category(), p.batchNumber(),
                p.purchaseDate(), p.storeCode(), p.receiptNumber(), p.priceType(), p.customMade(),
                p.warrantyCardPresent(), p.soldByUs(), p.installAddress(), p.installationDate(), p.registeredAt(),
                p.updatedAt(), p.version(), warranty, history, p.sale());
    }

    /**
     * The unit's warranty on {@code today}.
     *
     * @param termsVersion version of the shared warranty terms
     * @param terms        the category whose terms applied, or DEFAULT for a category outside the list
     * @param endDateRule  how the last day is counted ({@code ANNIVERSARY_DAY_INCLUDED})
     * @param covers       the whole unit (UNIT) first, then parts with longer cover
     */
    public record WarrantyView(String termsVersion, String terms, String endDateRule, LocalDate today, List<Cover> covers) {

        static WarrantyView of(WarrantyCheck check) {
            return new WarrantyView(check.termsVersion(), check.termsKey(), WarrantyTerms.END_DATE_RULE, check.on(),
                    check.all().stream().map(c -> new Cover(c.part(), WarrantyTerms.startRule(c), c.startDate(),
                            c.length().toString(), c.lastDay(), c.covers(check.on()))).toList());
        }
    }

    /**
     * @param startRule STARTS_AT_PURCHASE or STARTS_AT_INSTALLATION
     * @param lastDay   the last covered day, inclusive
     * @param inCover   whether the cover holds today
     */
    public record Cover(String part, String startRule, LocalDate firstDay, String length, LocalDate lastDay, boolean inCover) {
    }

    /** The unit without its receipt number (a technician on the job needs where it is, not what was paid). */
    ProductView withoutReceipt() {
        return new ProductView(id, customerId, serialNumber, model, category, batchNumber, purchaseDate, storeCode, null,
                priceType, customMade, warrantyCardPresent, soldByUs, installAddress, installationDate, registeredAt,
                updatedAt, version, warranty, serviceHistory, null);
    }

    /** What an inspection is decided on: the unit's facts and history, not who owns it, where it is or the receipt. */
    ProductView forInspection() {
        return new ProductView(id, null, serialNumber, model, category, batchNumber, purchaseDate, storeCode, null,
                priceType, customMade, warrantyCardPresent, soldByUs, null, installationDate, registeredAt, updatedAt,
                version, warranty, serviceHistory, null);
    }

    /** One ticket in a unit's service history. */
    public record ServiceRecord(UUID ticketId, String ticketType, String status, Instant openedAt, String faultCategory,
                                String faultDescription) {
    }
}
