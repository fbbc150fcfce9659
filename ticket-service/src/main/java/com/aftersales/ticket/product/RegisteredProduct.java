package com.aftersales.ticket.product;

import com.aftersales.contracts.product.ProductFacts;
import com.aftersales.ticket.customer.Address;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A sold unit registered to a customer. Plain Java. */
public record RegisteredProduct(UUID id, UUID customerId, String serialNumber, String model, String category,
                                String batchNumber, LocalDate purchaseDate, String storeCode, String receiptNumber,
                                PriceType priceType, boolean customMade, boolean warrantyCardPresent, boolean soldByUs,
                                Address installAddress, LocalDate installationDate, Instant registeredAt,
                                Instant updatedAt, long version, Sale sale) {

    /**
     * Who sold the unit and what the customer paid, when the store recorded them: the return rate per salesperson and
     * on amounts counts them.
     */
    public record Sale(String salespersonCode, BigDecimal price, String currency) {
    }

    public RegisteredProduct {
        Objects.requireNonNull(id);
        Objects.requireNonNull(customerId);
        Objects.requireNonNull(serialNumber);
        Objects.requireNonNull(model);
        Objects.requireNonNull(category);
        Objects.requireNonNull(purchaseDate);
        Objects.requireNonNull(priceType);
    }

    /** The facts other services keep a replica of. */
    public ProductFacts facts() {
        return new ProductFacts(id, customerId, serialNumber, model, category, batchNumber, purchaseDate, storeCode,
                receiptNumber, priceType.name(), customMade, warrantyCardPresent, soldByUs,
                installAddress == null ? null : installAddress.regionCode(),
                installAddress == null ? null : installAddress.latitude(),
                installAddress == null ? null : installAddress.longitude(), installationDate,
                sale == null ? null : sale.salespersonCode(), sale == null ? null : sale.price(),
                sale == null || sale.price() == null ? null : sale.currency());
    }

    /** Names of the fact fields that differ between two versions of the unit, as {@code ProductUpdated} lists them. */
    public List<String> changedFieldsSince(RegisteredProduct before) {
        List<String> changed = new ArrayList<>();
        ProductFacts a = before.facts();
        ProductFacts b = facts();
        compare(changed, "category", a.category(), b.category());
        compare(changed, "batchNumber", a.batchNumber(), b.batchNumber());
        compare(changed, "purchaseDate", a.purchaseDate(), b.purchaseDate());
        compare(changed, "storeCode", a.storeCode(), b.storeCode());
        compare(changed, "receiptNumber", a.receiptNumber(), b.receiptNumber());
        compare(changed, "priceType", a.priceType(), b.priceType());
        compare(changed, "customMade", a.customMade(), b.customMade());
        compare(changed, "warrantyCardPresent", a.warrantyCardPresent(), b.warrantyCardPresent());
        compare(changed, "soldByUs", a.soldByUs(), b.soldByUs());
        compare(changed, "installRegionCode", a.installRegionCode(), b.installRegionCode());
        compare(changed, "installLatitude", a.installLatitude(), b.installLatitude());
        compare(changed, "installLongitude", a.installLongitude(), b.installLongitude());
        compare(changed, "installationDate", a.installationDate(), b.installationDate());
        compare(changed, "salespersonCode", a.salespersonCode(), b.salespersonCode());
        compare(changed, "salePrice", a.salePrice(), b.salePrice());
        if (!Objects.equals(before.installAddress(), installAddress) && !changed.contains("installAddress")) {
            changed.add("installAddress");
        }
        return changed;
    }

    private static void compare(List<String> changed, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            changed.add(name);
        }
    }
}
