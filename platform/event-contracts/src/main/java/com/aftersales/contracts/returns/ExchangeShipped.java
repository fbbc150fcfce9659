package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/** The replacement unit of an exchange left the warehouse (出库/发货). Keyed by return id; once per return. */
public record ExchangeShipped(UUID returnId, String replacementSerialNumber, String carrier, String trackingNumber,
                              Instant shippedAt) {
}
