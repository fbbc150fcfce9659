package com.aftersales.ticket.product;

import com.aftersales.ticket.customer.AddressRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code PATCH /api/customers/{customerId}/products/{productId}}: absent fields stay as they are. */
public record UpdateProductRequest(
        @Size(min = 1, max = ProductLimits.CODE) @Pattern(regexp = ProductLimits.CATEGORY, message = ProductLimits.CATEGORY_MESSAGE) String category,
        @Size(max = ProductLimits.CODE) String batchNumber,
        LocalDate purchaseDate,
        @Size(max = ProductLimits.CODE) String storeCode,
        @Size(max = ProductLimits.CODE) String receiptNumber,
        PriceType priceType,
        Boolean customMade,
        Boolean warrantyCardPresent,
        Boolean soldByUs,
        @Valid AddressRequest installAddress,
        LocalDate installationDate,
        @Size(max = ProductLimits.CODE) @Pattern(regexp = ProductLimits.SERIAL, message = ProductLimits.SERIAL_MESSAGE) String salespersonCode,
        @DecimalMin(value = "0.00") @Digits(integer = 10, fraction = 2) BigDecimal salePrice) {
}
