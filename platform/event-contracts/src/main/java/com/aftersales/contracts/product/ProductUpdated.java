package com.aftersales.contracts.product;

import java.time.Instant;
import java.util.List;

/**
 * A registered unit's facts changed. Carries the whole new state (a replica upserts it) and the
 * names of the fields that changed. On {@code aftersales.tickets.v1}, keyed by product id.
 */
public record ProductUpdated(ProductFacts product, List<String> changedFields, Instant updatedAt) {
}
