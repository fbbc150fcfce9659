package com.aftersales.contracts.dispatch;

import java.time.Instant;
import java.util.UUID;

/**
 * A technician took the unit to a depot for repair (返厂维修) with the customer's recorded written
 * authorisation (书面授权); returns-service takes it from here. Keyed by {@code ticketId}.
 *
 * @param requestId        unique per request; returns-service deduplicates on it
 * @param productId        the registered unit, when known
 * @param authorisationRef reference of the customer's signed authorisation (document or signature image)
 * @param authorisedBy     name of the person who signed it
 * @param depotCode        the depot the unit goes to, when the technician belongs to a partner depot; else null
 */
public record DepotRepairRequested(
        UUID requestId,
        UUID ticketId,
        UUID visitId,
        UUID customerId,
        UUID productId,
        String serialNumber,
        String model,
        String productCategory,
        String faultCategory,
        String faultCode,
        String faultDescription,
        String authorisationRef,
        String authorisedBy,
        Instant authorisedAt,
        UUID technicianId,
        String depotCode,
        Instant requestedAt) {
}
