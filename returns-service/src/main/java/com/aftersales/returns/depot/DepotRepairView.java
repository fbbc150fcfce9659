package com.aftersales.returns.depot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A depot repair order as the API shows it. */
public record DepotRepairView(UUID id, String depotCode, UUID returnId, UUID ticketId, String serialNumber, String model,
                              String category, String faultDescription, DepotRepairStatus status, LocalDate promisedBy,
                              boolean promiseAtRiskRaised, List<DepotRepair.Step> history, Instant createdAt, Instant updatedAt) {

    static DepotRepairView of(DepotRepair r) {
        return new DepotRepairView(r.id(), r.depotCode(), r.returnId(), r.ticketId(), r.serialNumber(), r.model(), r.category(),
                r.faultDescription(), r.status(), r.promisedBy(), r.atRiskRaisedAlready(), r.history(), r.createdAt(), r.updatedAt());
    }
}
