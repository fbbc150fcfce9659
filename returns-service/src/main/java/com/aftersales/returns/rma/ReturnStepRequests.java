package com.aftersales.returns.rma;

import com.aftersales.returns.policy.Remedy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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

    record PhotoApproval(@NotNull Boolean approved, @NotBlank @Size(max = 128) String approver) {
    }

    record Receipt(@NotBlank @Size(max = 2000) String condition, @Size(max = 128) String receivedBy) {
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

    record ShipBack(@Size(max = 64) String carrier, @Size(max = 128) String trackingNumber) {
    }

    record Disposition(@NotNull ReturnOrder.UnitDisposition disposition) {
    }
}
