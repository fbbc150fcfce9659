package com.aftersales.contracts.warranty;

/** Which date a warranty runs from. */
public enum WarrantyStart {
    /** The purchase date on the receipt (the default; the 三包 windows always count from it). */
    PURCHASE_DATE,
    /**
     * The installation date, where the category's terms say so (e.g. air conditioners installed days
     * after delivery); the purchase date while no installation date is recorded.
     */
    INSTALLATION_DATE
}
