package com.aftersales.contracts.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts about a registered unit that other services decide on without calling ticket-service:
 * the returns policy (purchase date, price type, custom-made, sold by us, warranty card), the quality
 * loop (model × batch × region) and dispatch (install location).
 *
 * @param category      canonical product category code of the shared list
 *                      ({@link com.aftersales.contracts.warranty.WarrantyTerms}), the key of warranty terms and policy
 *                      settings (e.g. AIR_CONDITIONER, MOBILE_PHONE)
 * @param batchNumber   batch or lot number, if known
 * @param purchaseDate  calendar date of purchase in the store's time zone
 * @param storeCode     store or channel of sale
 * @param priceType     REGULAR, SPECIAL_PRICE or GIFT
 * @param soldByUs      false for units bought elsewhere and registered at first contact
 * @param installRegionCode administrative region of the install address, if known
 * @param installLatitude   WGS84, if known
 * @param installLongitude  WGS84, if known
 * @param installationDate  date the unit was installed, if recorded (added in v1.1); warranty cover of categories
 *                          whose terms start at installation runs from it
 * @param salespersonCode   (v1.2) who sold the unit, if recorded: the return rate per salesperson counts it
 * @param salePrice         (v1.2) what the customer paid, if recorded: the return rate on amounts sums it
 * @param currency          (v1.2) the sale price's currency (ISO 4217), with {@code salePrice}
 */
public record ProductFacts(
        UUID productId,
        UUID customerId,
        String serialNumber,
        String model,
        String category,
        String batchNumber,
        LocalDate purchaseDate,
        String storeCode,
        String receiptNumber,
        String priceType,
        boolean customMade,
        boolean warrantyCardPresent,
        boolean soldByUs,
        String installRegionCode,
        Double installLatitude,
        Double installLongitude,
        LocalDate installationDate,
        String salespersonCode,
        BigDecimal salePrice,
        String currency) {

    /** The fields of v1.1, without the sale's salesperson and price. */
    public ProductFacts(UUID productId, UUID customerId, String serialNumber, String model, String category,
                        String batchNumber, LocalDate purchaseDate, String storeCode, String receiptNumber, String priceType,
                        boolean customMade, boolean warrantyCardPresent, boolean soldByUs, String installRegionCode,
                        Double installLatitude, Double installLongitude, LocalDate installationDate) {
        this(productId, customerId, serialNumber, model, category, batchNumber, purchaseDate, storeCode, receiptNumber,
                priceType, customMade, warrantyCardPresent, soldByUs, installRegionCode, installLatitude, installLongitude,
                installationDate, null, null, null);
    }

    /** The fields of v1.0, without an installation date. */
    public ProductFacts(UUID productId, UUID customerId, String serialNumber, String model, String category,
                        String batchNumber, LocalDate purchaseDate, String storeCode, String receiptNumber, String priceType,
                        boolean customMade, boolean warrantyCardPresent, boolean soldByUs, String installRegionCode,
                        Double installLatitude, Double installLongitude) {
        this(productId, customerId, serialNumber, model, category, batchNumber, purchaseDate, storeCode, receiptNumber,
                priceType, customMade, warrantyCardPresent, soldByUs, installRegionCode, installLatitude, installLongitude, null,
                null, null, null);
    }
}
