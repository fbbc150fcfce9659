package com.aftersales.dispatch.parts;

import java.time.Instant;
import java.util.UUID;

/** Parts a technician took from a location; what is neither consumed nor returned is still with them. */
public record PartCheckout(UUID id, UUID technicianId, UUID visitId, String location, String partNumber, int quantity,
                           int returned, int consumed, Instant checkedOutAt) {

    public int outstanding() {
        return quantity - returned - consumed;
    }
}
