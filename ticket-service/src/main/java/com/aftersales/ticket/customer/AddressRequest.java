package com.aftersales.ticket.customer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An address in a request; coordinates come in pairs. */
public record AddressRequest(
        @Size(max = 32) String label,
        @NotBlank @Size(max = 500) String line,
        @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z-]+", message = "{aftersales.code.region}") String regionCode,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    @AssertTrue(message = "{aftersales.customer.coordinates-paired}")
    boolean isCoordinatesPaired() {
        return (latitude == null) == (longitude == null);
    }

    public Address toAddress() {
        return new Address(label, line, regionCode, latitude, longitude);
    }
}
