package com.aftersales.ticket.product;

/** How the unit was sold; special-price items and gifts are not returnable (a returns-service rule). */
public enum PriceType {
    REGULAR, SPECIAL_PRICE, GIFT
}
