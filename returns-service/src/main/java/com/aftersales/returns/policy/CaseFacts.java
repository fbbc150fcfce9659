package com.aftersales.returns.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Everything the policy decides on: the unit (category, purchase date, price type...) and the case
 * (request date, claimed fault, state of the goods). Dates are calendar dates in the store's time zone.
 *
 * @param purchaseDate for a dealer return, the date the goods were shipped to the dealer
 * @param largeItem    dealer returns of large items need photo approval; null means "as the category says"
 * @param installationDate when the unit was installed, if known: warranty cover of categories whose terms start at
 *                     installation runs from it (the 三包 windows always count from the purchase date)
 */
public record CaseFacts(
        ReturnChannel channel,
        String category,
        LocalDate purchaseDate,
        LocalDate requestDate,
        PriceType priceType,
        boolean customMade,
        boolean soldByUs,
        boolean qualityFaultClaimed,
        boolean signsOfUse,
        boolean originalPackagingIntact,
        boolean accessoriesComplete,
        boolean warrantyCardPresent,
        boolean customerCausedDamage,
        boolean shippingOrPickingError,
        boolean salesOrderError,
        Boolean largeItem,
        LocalDate installationDate) {

    public CaseFacts {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(purchaseDate, "purchaseDate");
        Objects.requireNonNull(requestDate, "requestDate");
        Objects.requireNonNull(priceType, "priceType");
    }

    /** A consumer case about a regular-price unit we sold, in perfect, resalable state, with no fault claimed. */
    public static CaseFacts consumer(String category, LocalDate purchaseDate, LocalDate requestDate) {
        return new CaseFacts(ReturnChannel.CONSUMER, category, purchaseDate, requestDate, PriceType.REGULAR, false, true,
                false, false, true, true, true, false, false, false, null, null);
    }

    /** A dealer (B2B) return of stock shipped on {@code shipmentDate}. */
    public static CaseFacts dealer(String category, LocalDate shipmentDate, LocalDate requestDate) {
        return consumer(category, shipmentDate, requestDate).withChannel(ReturnChannel.DEALER);
    }

    public CaseFacts withChannel(ReturnChannel value) {
        return new CaseFacts(value, category, purchaseDate, requestDate, priceType, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withRequestDate(LocalDate value) {
        return new CaseFacts(channel, category, purchaseDate, value, priceType, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withQualityFault(boolean value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, soldByUs, value,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withPriceType(PriceType value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, value, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withCustomMade(boolean value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, value, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withSoldByUs(boolean value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, value, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withSignsOfUse(boolean value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, soldByUs, qualityFaultClaimed,
                value, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withPackaging(boolean packagingIntact, boolean accessories, boolean warrantyCard) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, packagingIntact, accessories, warrantyCard, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withCustomerCausedDamage(boolean value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, value,
                shippingOrPickingError, salesOrderError, largeItem, installationDate);
    }

    public CaseFacts withCompanyErrors(boolean shippingOrPicking, boolean salesOrder) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPicking, salesOrder, largeItem, installationDate);
    }

    public CaseFacts withLargeItem(Boolean value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, value, installationDate);
    }

    public CaseFacts withInstallationDate(LocalDate value) {
        return new CaseFacts(channel, category, purchaseDate, requestDate, priceType, customMade, soldByUs, qualityFaultClaimed,
                signsOfUse, originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, value);
    }
}
