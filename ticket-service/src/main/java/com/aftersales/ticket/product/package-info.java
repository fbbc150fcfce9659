/**
 * Registered products (sold units): model, serial (unique per model), batch, purchase facts and install
 * address. Publishes {@code aftersales.product.registered.v1} and {@code aftersales.product.updated.v1}
 * with the {@link com.aftersales.contracts.product.ProductFacts} that returns-service and
 * feedback-service decide on without calling this service.
 */
package com.aftersales.ticket.product;
