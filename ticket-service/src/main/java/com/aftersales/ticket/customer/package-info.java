/**
 * Customers (客户档案): profile with names stored exactly as given, normalised phones, addresses with
 * optional coordinates, tier, language and consent. Publishes {@code aftersales.customer.registered.v1}.
 * {@link com.aftersales.ticket.customer.PhoneNumbers} and {@link com.aftersales.ticket.customer.Customer}
 * are plain Java; controller and JDBC repository are the adapters.
 */
package com.aftersales.ticket.customer;
