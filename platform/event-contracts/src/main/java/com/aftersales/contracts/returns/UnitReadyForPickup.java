package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/** A repaired unit is back at the store: notify the customer at once (the first notice). Keyed by return id. */
public record UnitReadyForPickup(UUID returnId, String serialNumber, String storeCode, Instant readyAt) {
}
