package com.aftersales.dispatch.visit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Bodies of the visit and report endpoints. */
public final class VisitRequests {

    private static final String PART = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private VisitRequests() {
    }

    public record Schedule(@NotNull UUID jobId, @NotNull Instant windowStart, @NotNull Instant windowEnd) {
    }

    public record Reschedule(@NotNull Instant windowStart, @NotNull Instant windowEnd, @NotBlank @Size(max = 500) String reason) {
    }

    public record StatusChange(@NotNull VisitStatus status) {
    }

    public record NoShow(@NotBlank @Size(max = 500) String reason) {
    }

    public record Part(@NotBlank @Pattern(regexp = PART) String partNumber, @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    public record Quote(@NotNull @Min(0) @Max(1440) Integer labourMinutes, @NotNull @Size(max = 50) List<@Valid Part> parts) {
    }

    public record QuoteAcceptance(@NotBlank @Size(max = 100) String acceptedBy) {
    }

    public record Report(@NotBlank @Size(max = 2000) String cause, @NotBlank @Size(max = 2000) String fix,
                         @Size(max = 64) String faultCategory, @Size(max = 64) String faultCode,
                         @Size(max = 64) String fixCode, @NotNull @Size(max = 50) List<@Valid Part> parts,
                         @NotNull @Min(0) @Max(1440) Integer labourMinutes, @NotNull Boolean dataBackupDone,
                         @NotNull Boolean causeExplained, @Size(max = 20) List<@NotBlank @Size(max = 500) String> photos) {
    }

    public record Signature(@NotBlank @Size(max = 100) String signerName, @NotBlank @Size(max = 500) String signatureRef) {
    }

    /** @param depotAuthorisation required when the outcome is UNIT_TAKEN_TO_DEPOT */
    public record Completion(@NotNull VisitStatus outcome, @Valid DepotAuthorisation depotAuthorisation) {
    }

    /** The customer's written authorisation (书面授权) to take the unit to a depot. */
    public record DepotAuthorisation(@NotBlank @Size(max = 500) String reference, @NotBlank @Size(max = 100) String authorisedBy,
                                     @NotNull Instant authorisedAt) {
    }
}
