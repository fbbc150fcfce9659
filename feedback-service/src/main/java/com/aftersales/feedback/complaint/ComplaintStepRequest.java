package com.aftersales.feedback.complaint;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * POST /api/complaints/{id}/steps. Which fields are required depends on {@code to}: INVESTIGATING needs
 * facts, PROPOSED customerRequest and offer (and currency with a compensation), RESOLVED a resolution,
 * ESCALATED a reason, CLOSED customerAccepted = true.
 *
 * @param expectedVersion the version the client read; a 409 if someone changed the complaint since
 */
record ComplaintStepRequest(
        @NotNull ComplaintStatus to,
        @NotBlank @Size(max = 128) String by,
        @Size(max = 4000) String note,
        @Size(max = 8000) String facts,
        @Size(max = 4000) String customerRequest,
        @Size(max = 4000) String offer,
        @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal compensation,
        @Pattern(regexp = "[A-Z]{3}", message = "{aftersales.code.currency}") String currency,
        @Size(max = 4000) String resolution,
        @Size(max = 4000) String reason,
        Boolean customerAccepted,
        Long expectedVersion) {

    ComplaintStep toStep() {
        return new ComplaintStep(to, by, note, facts, customerRequest, offer, compensation, currency, resolution, reason,
                customerAccepted);
    }
}
