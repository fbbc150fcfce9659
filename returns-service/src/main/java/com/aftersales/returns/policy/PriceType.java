package com.aftersales.returns.policy;

/** How the unit was priced at sale; special-price items and gifts are not returnable (恕不退换). */
public enum PriceType {
    REGULAR, SPECIAL_PRICE, GIFT
}
