package com.aftersales.returns.rma;

import com.aftersales.returns.policy.Remedy;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Bodies of the steps of a return. Text is stored as given; limits keep one request from filling the database. Who
 * acted (supervisor, receiver, inspector) is the authenticated caller; the old body fields are accepted and ignored.
 */
final class ReturnStepRequests {

    private ReturnStepRequests() {
    }

    record Override(@Size(max = 128) String supervisor, @NotNull Remedy remedy, @NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * @param outcome         CREDIT, PRICE_ADJUSTMENT or SEND_BACK; {@code approved} true/false is CREDIT/SEND_BACK
     * @param priceAdjustment the amount the store is allowed off (PRICE_ADJUSTMENT only)
     */
    record PhotoApproval(Boolean approved, ReturnOrder.PhotoOutcome outcome,
                         @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal priceAdjustment,
                         @NotBlank @Size(max = 128) String approver, @Size(max = 2000) String note) {

        @AssertTrue(message = "give outcome (or approved); a PRICE_ADJUSTMENT needs priceAdjustment, no other outcome takes one")
        @Schema(hidden = true)
        @JsonIgnore
        public boolean isOutcomeConsistent() {
            ReturnOrder.PhotoOutcome chosen = resolved();
            return chosen != null && (chosen == ReturnOrder.PhotoOutcome.PRICE_ADJUSTMENT) == (priceAdjustment != null)
                    && (approved == null || outcome == null || approved == (outcome != ReturnOrder.PhotoOutcome.SEND_BACK));
        }

        ReturnOrder.PhotoOutcome resolved() {
            if (outcome != null) {
                return outcome;
            }
            return approved == null ? null : approved ? ReturnOrder.PhotoOutcome.CREDIT : ReturnOrder.PhotoOutcome.SEND_BACK;
        }
    }

    /**
     * @param purchasingManager  a dealer's goods that arrived without approval: the purchasing manager who signed for them
     * @param damagedInTransit   a dealer's goods damaged in transit: refused at receipt
     * @param carrier            goods sent back (returned without approval and without signature): the carrier used
     */
    record Receipt(@NotBlank @Size(max = 2000) String condition, @Size(max = 128) String receivedBy,
                   @Size(max = 128) String purchasingManager, Boolean damagedInTransit, @Size(max = 64) String carrier,
                   @Size(max = 128) String trackingNumber) {
    }

    record Inspection(
            @NotEmpty @Size(max = 4) List<@Valid @NotNull Item> items,
            @NotNull Boolean faultConfirmed,
            @NotNull Boolean customerDamageFound,
            Boolean factoryBatchFault,
            @Size(max = 128) String inspector) {

        record Item(@NotNull InspectionReport.Area area, @NotNull Boolean passed, @Size(max = 2000) String notes) {
        }
    }

    record FeeSettlement(@NotNull Boolean accepted) {
    }

    record Refund(@Size(max = 128) String reference) {
    }

    record ExchangeShipment(@NotBlank @Size(max = 64) String replacementSerialNumber, @Size(max = 64) String carrier,
                            @Size(max = 128) String trackingNumber) {
    }

    record OutOfStock(@NotNull LocalDate expectedArrivalDate) {
    }

    /** @param expectedArrivalDate the date told to the customer (required when it is confirmed) */
    record StockContact(@NotNull ReturnOrder.StockContactOutcome outcome, LocalDate expectedArrivalDate,
                        @Size(max = 2000) String note) {

        @AssertTrue(message = "{aftersales.returns.confirmed-date-required}")
        @Schema(hidden = true)
        @JsonIgnore
        public boolean isDateGivenWhenConfirmed() {
            return outcome != ReturnOrder.StockContactOutcome.ARRIVAL_DATE_CONFIRMED || expectedArrivalDate != null;
        }
    }

    /** @param carrier and {@code trackingNumber}: required to post a unit the customer did not collect (AWAITING_POSTING) */
    record ShipBack(@Size(max = 64) String carrier, @Size(max = 128) String trackingNumber) {
    }

    /** @param notes what QC found (required when the check fails) */
    record RepairCheck(@NotNull Boolean passed, @Size(max = 2000) String notes) {

        @AssertTrue(message = "{aftersales.returns.check-notes}")
        @Schema(hidden = true)
        @JsonIgnore
        public boolean isExplained() {
            return !Boolean.FALSE.equals(passed) || (notes != null && !notes.isBlank());
        }
    }

    record Unrepairable(@NotBlank @Size(max = 2000) String reason) {
    }

    /** @param compensation with RETURN_WITH_COMPENSATION: the amount (in the fees' currency); no other outcome takes one */
    record Settlement(@NotNull ReturnOrder.SettlementOutcome outcome,
                      @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal compensation,
                      @NotBlank @Size(max = 2000) String note) {

        @AssertTrue(message = "{aftersales.returns.compensation-only-with-return}")
        @Schema(hidden = true)
        @JsonIgnore
        public boolean isCompensationConsistent() {
            return outcome == null || compensation == null || outcome == ReturnOrder.SettlementOutcome.RETURN_WITH_COMPENSATION;
        }
    }

    /** @param until the day the customer will collect by (at the store); no notice and no posting before it */
    record PickupHold(@NotBlank @Size(max = 2000) String reason, @NotNull LocalDate until) {
    }

    record Disposition(@NotNull ReturnOrder.UnitDisposition disposition) {
    }
}
