package com.aftersales.contracts.product;

import java.time.Instant;

/** A sold unit was registered to a customer. On {@code aftersales.tickets.v1}, keyed by product id. */
public record ProductRegistered(ProductFacts product, Instant registeredAt) {
}
