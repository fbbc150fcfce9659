/**
 * A local replica of the registered units' facts (purchase date, category, price type, custom-made,
 * sold by us, warranty card...), kept from ticket-service's {@code aftersales.product.registered.v1} and
 * {@code aftersales.product.updated.v1}. The policy decides from it, so returns keep being decided while
 * ticket-service is down.
 */
package com.aftersales.returns.product;
