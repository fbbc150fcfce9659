package com.aftersales.contracts.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A depot repair order changed status (ROUTED when it is assigned to a depot, then the depot's RECEIVED,
 * DIAGNOSED, WAITING_PARTS, REPAIRED, SHIPPED_BACK). On {@code aftersales.returns.v1} keyed by the repair's
 * return id (or ticket id when it came from a ticket), and on the depot's partner topic.
 */
public record DepotRepairStatusChanged(UUID repairId, String depotCode, UUID returnId, UUID ticketId, String serialNumber,
                                       String model, String category, String status, String note, LocalDate promisedBy,
                                       Instant changedAt) {
}
