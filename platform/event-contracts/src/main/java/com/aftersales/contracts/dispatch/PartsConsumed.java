package com.aftersales.contracts.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Parts checked out for a visit were used on it (stock leaves the books). Keyed by {@code ticketId}. */
public record PartsConsumed(
        UUID visitId,
        UUID ticketId,
        UUID technicianId,
        List<ConsumedPart> parts,
        Instant consumedAt) {

    /** @param stockLocation the warehouse or van the part was checked out of */
    public record ConsumedPart(String partNumber, int quantity, String stockLocation) {
    }
}
