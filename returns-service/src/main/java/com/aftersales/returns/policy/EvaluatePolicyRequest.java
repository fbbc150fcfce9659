package com.aftersales.returns.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of {@code POST /api/returns/policy/evaluate} (and the case part of a return request): the unit, by
 * serial number (facts from the replica) or by its facts, and the case. Absent booleans take the value
 * of a unit in perfect order: no signs of use, packaging and accessories complete, no customer damage.
 */
@Schema(description = "A unit (serialNumber or product) and the facts of the case")
public record EvaluatePolicyRequest(
        @Size(max = 64) @Pattern(regexp = "[\\p{Alnum}][\\p{Alnum}._/-]*", message = "{aftersales.code.model}")
        String serialNumber,
        @Valid UnitFactsInput product,
        @Schema(description = "CONSUMER (default) or DEALER (store-to-warehouse)") ReturnChannel channel,
        @Schema(description = "Calendar date of the request in the store's time zone; today at the store when absent")
        LocalDate requestDate,
        @Size(max = 64) String storeCode,
        @NotNull Boolean qualityFaultClaimed,
        Boolean signsOfUse,
        Boolean originalPackagingIntact,
        Boolean accessoriesComplete,
        @Schema(description = "As brought in; the registered unit's record when absent") Boolean warrantyCardPresent,
        Boolean customerCausedDamage,
        Boolean shippingOrPickingError,
        Boolean salesOrderError,
        @Schema(description = "Dealer returns: a large item needs photo approval; the category decides when absent") Boolean largeItem) {

    /** Named apart from {@code product}: as a getter of that name it would replace the facts in the JSON form. */
    @AssertTrue(message = "{aftersales.policy.serial-or-product}")
    @Schema(hidden = true)
    @JsonIgnore
    public boolean isSerialNumberOrProduct() {
        return (serialNumber == null) != (product == null);
    }

    /**
     * The facts of a unit that is not (or not yet) in the replica.
     *
     * @param category         a code of the shared category list; an alias (PHONE) stands for its code (MOBILE_PHONE)
     * @param installationDate when the unit was installed, if known (warranty of some categories runs from it)
     */
    public record UnitFactsInput(
            @NotBlank @Size(max = 64) String category,
            @NotNull LocalDate purchaseDate,
            @NotNull PriceType priceType,
            Boolean customMade,
            Boolean soldByUs,
            Boolean warrantyCardPresent,
            @Size(max = 64) String storeCode,
            LocalDate installationDate) {

        public UnitFactsInput(String category, LocalDate purchaseDate, PriceType priceType, Boolean customMade,
                              Boolean soldByUs, Boolean warrantyCardPresent, String storeCode) {
            this(category, purchaseDate, priceType, customMade, soldByUs, warrantyCardPresent, storeCode, null);
        }
    }
}
