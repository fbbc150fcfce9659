package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * The replacement registered out of stock has arrived at the store (缺货到货): the customer is told at once, and the
 * exchange follows. Keyed by return id.
 */
public record ReplacementArrived(UUID returnId, String model, String storeCode, Instant arrivedAt) {
}
