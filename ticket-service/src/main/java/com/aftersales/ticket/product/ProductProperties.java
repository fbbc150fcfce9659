package com.aftersales.ticket.product;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code aftersales.ticket.products}: defaults in application.yml.
 *
 * @param saleCurrency the currency of the sale prices stores record (ISO 4217)
 */
@ConfigurationProperties("aftersales.ticket.products")
public record ProductProperties(String saleCurrency) {

    public ProductProperties {
        saleCurrency = saleCurrency == null || saleCurrency.isBlank() ? "CNY" : saleCurrency;
    }
}
