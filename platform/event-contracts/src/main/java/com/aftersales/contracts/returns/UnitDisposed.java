package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * The unit the company took back on a refund or exchange was restocked (入库, after a passed inspection) or
 * scrapped. Keyed by return id; once per return.
 *
 * @param disposition RESTOCKED or SCRAPPED
 */
public record UnitDisposed(UUID returnId, String serialNumber, String model, String disposition, Instant disposedAt) {
}
