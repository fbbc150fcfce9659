package com.aftersales.ticket.product;

/** Field limits and formats of registered products. */
final class ProductLimits {
    static final int CODE = 64;
    static final String SERIAL = "[\\p{Alnum}][\\p{Alnum}._/-]*";
    static final String SERIAL_MESSAGE = "must be letters, digits, '.', '_', '/' or '-'";
    static final String CATEGORY = "[A-Z][A-Z0-9_]*";
    static final String CATEGORY_MESSAGE = "must be an upper-case code such as AIR_CONDITIONER";

    private ProductLimits() {
    }
}
