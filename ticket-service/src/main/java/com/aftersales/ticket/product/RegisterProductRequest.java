package com.aftersales.ticket.product;

import com.aftersales.ticket.customer.AddressRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/customers/{id}/products}. The purchase date must not lie in the future in
 * the configured business time zone (checked by the service).
 *
 * @param category         a code of the shared category list (e.g. MOBILE_PHONE); an alias such as PHONE is accepted
 *                         and stored as its code; a code outside the list takes the default warranty terms
 * @param soldByUs         true when absent: stores register what they sell
 * @param installationDate when the unit was installed; not before the purchase date nor in the future. Warranty
 *                         cover of categories whose terms start at installation runs from it
 * @param salespersonCode  who sold it (the return rate per salesperson counts it)
 * @param salePrice        what the customer paid, in the configured currency (the return rate on amounts sums it)
 */
public record RegisterProductRequest(
        @NotBlank @Size(max = ProductLimits.CODE) @Pattern(regexp = ProductLimits.SERIAL, message = ProductLimits.SERIAL_MESSAGE) String serialNumber,
        @NotBlank @Size(max = ProductLimits.CODE) String model,
        @NotBlank @Size(max = ProductLimits.CODE) @Pattern(regexp = ProductLimits.CATEGORY, message = ProductLimits.CATEGORY_MESSAGE) String category,
        @Size(max = ProductLimits.CODE) String batchNumber,
        @NotNull LocalDate purchaseDate,
        @Size(max = ProductLimits.CODE) String storeCode,
        @Size(max = ProductLimits.CODE) String receiptNumber,
        @NotNull PriceType priceType,
        Boolean customMade,
        Boolean warrantyCardPresent,
        Boolean soldByUs,
        @Valid AddressRequest installAddress,
        LocalDate installationDate,
        @Size(max = ProductLimits.CODE) @Pattern(regexp = ProductLimits.SERIAL, message = ProductLimits.SERIAL_MESSAGE) String salespersonCode,
        @DecimalMin(value = "0.00") @Digits(integer = 10, fraction = 2) BigDecimal salePrice) {
}
