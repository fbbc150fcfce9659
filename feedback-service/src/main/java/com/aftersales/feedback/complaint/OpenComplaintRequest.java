package com.aftersales.feedback.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** POST /api/complaints. */
record OpenComplaintRequest(
        @NotNull UUID customerId,
        UUID ticketId,
        @NotNull ComplaintChannel channel,
        @NotNull AboutType aboutType,
        @Size(max = 128) String aboutRef,
        @NotNull Severity severity,
        @NotBlank @Size(max = 4000) String description,
        @NotBlank @Size(max = 128) String recordedBy) {
}
