package com.aftersales.dispatch.parts;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.UUID;

/** Bodies of the parts endpoints. */
public final class PartsRequests {

    private PartsRequests() {
    }

    /**
     * @param warrantyPart the warranty part this is under the shared warranty terms (e.g. COMPRESSOR): while the
     *                     manufacturer's cover of that part holds, it is not charged; null for ordinary parts
     */
    public record CataloguePart(@NotBlank @Size(max = 200) String description,
                                @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal unitCost,
                                @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice,
                                @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String warrantyPart) {

        public CataloguePart(String description, BigDecimal unitCost, BigDecimal unitPrice) {
            this(description, unitCost, unitPrice, null);
        }
    }

    public record StockLevel(@NotNull @Min(0) @Max(1_000_000) Integer quantity) {
    }

    /** @param visitId the visit the parts are for, when known */
    public record Checkout(@NotNull UUID technicianId, UUID visitId, @NotBlank @Size(max = 64) String location,
                           @NotBlank @Size(max = 64) String partNumber, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    public record Return(@NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
