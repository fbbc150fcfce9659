package com.aftersales.contracts.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A depot repair will probably miss its promised date (7 days by default): raised before the date so that
 * the customer can be told in advance. Keyed like {@link DepotRepairStatusChanged}.
 */
public record DepotRepairPromiseAtRisk(UUID repairId, String depotCode, UUID returnId, UUID ticketId, String status,
                                       LocalDate promisedBy, long daysLeft, Instant raisedAt) {
}
