package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/** The customer (or dealer) was refunded or credited. Keyed by return id; issued once per return. */
public record RefundIssued(UUID returnId, int creditPercent, String reference, Instant issuedAt) {
}
