package com.aftersales.returns.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
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
        @Schema(description = "Calendar date of the request in the store's time zone; today at the store when absent. "
                + "On POST /api/returns only a SUPERVISOR may set another day (with requestDateReason), never a future one")
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
        @Schema(description = "Dealer returns: a large item needs photo approval; the category decides when absent") Boolean largeItem,
        @Valid @Schema(description = "Dealer returns: the state of the stock and its cost") DealerFactsInput dealer) {

    /** The fields before dealer facts. */
    public EvaluatePolicyRequest(String serialNumber, UnitFactsInput product, ReturnChannel channel, LocalDate requestDate,
                                 String storeCode, Boolean qualityFaultClaimed, Boolean signsOfUse, Boolean originalPackagingIntact,
                                 Boolean accessoriesComplete, Boolean warrantyCardPresent, Boolean customerCausedDamage,
                                 Boolean shippingOrPickingError, Boolean salesOrderError, Boolean largeItem) {
        this(serialNumber, product, channel, requestDate, storeCode, qualityFaultClaimed, signsOfUse, originalPackagingIntact,
                accessoriesComplete, warrantyCardPresent, customerCausedDamage, shippingOrPickingError, salesOrderError, largeItem,
                null);
    }

    /** Named apart from {@code product}: as a getter of that name it would replace the facts in the JSON form. */
    @AssertTrue(message = "{aftersales.policy.serial-or-product}")
    @Schema(hidden = true)
    @JsonIgnore
    public boolean isSerialNumberOrProduct() {
        return (serialNumber == null) != (product == null);
    }

    /** The same case on another request date. */
    public EvaluatePolicyRequest withRequestDate(LocalDate date) {
        return new EvaluatePolicyRequest(serialNumber, product, channel, date, storeCode, qualityFaultClaimed, signsOfUse,
                originalPackagingIntact, accessoriesComplete, warrantyCardPresent, customerCausedDamage,
                shippingOrPickingError, salesOrderError, largeItem, dealer);
    }

    /**
     * What a dealer (store-to-warehouse) return adds; absent flags are false, absent counts a single unit in its
     * original packaging. {@code originalPackagingIntact=false} on the case means no original packaging.
     */
    public record DealerFactsInput(
            Boolean seasonal,
            Boolean discontinued,
            Boolean protectiveFilmTorn,
            @Schema(description = "A display sample (展示样品): taken back only after photo approval") Boolean displaySample,
            @Schema(description = "Pieces the unit is sold as, 2 for a two-piece set (default 1)") @Min(1) @Max(20) Integer setPieces,
            @Schema(description = "Pieces of the set sent back (default: all)") @Min(0) @Max(20) Integer piecesReturned,
            @Schema(description = "Packaging bags missing or unusable, each deducted") @Min(0) @Max(10_000) Integer bagsToReplace,
            @Schema(description = "Outer boxes damaged, each deducted as a share of the cost") @Min(0) @Max(10_000) Integer boxesToReplace,
            @Schema(description = "Cost of one unit (per set), for the credit amount and the box deduction")
            @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitCost,
            @Schema(description = "Units returned (default 1)") @Min(1) @Max(10_000) Integer quantity) {

        public DealerFacts toFacts() {
            int pieces = setPieces == null ? 1 : setPieces;
            return new DealerFacts(Boolean.TRUE.equals(seasonal), Boolean.TRUE.equals(discontinued),
                    Boolean.TRUE.equals(protectiveFilmTorn), Boolean.TRUE.equals(displaySample), pieces,
                    piecesReturned == null ? pieces : piecesReturned, bagsToReplace == null ? 0 : bagsToReplace,
                    boxesToReplace == null ? 0 : boxesToReplace, unitCost, quantity == null ? 1 : quantity);
        }
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
