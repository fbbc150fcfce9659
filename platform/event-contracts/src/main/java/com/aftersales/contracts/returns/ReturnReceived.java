package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/** The returned unit arrived and its condition was logged. Keyed by return id. */
public record ReturnReceived(UUID returnId, String serialNumber, String condition, String receivedBy, Instant receivedAt) {
}
