package com.aftersales.ticket.call;

/** What a call without a registered unit was about. */
public enum CallTopic {
    /** Which product to buy, what a model can do (售前咨询). */
    PRODUCT_CONSULTATION,
    /** How to use or look after a product the caller has (not registered, or no fault). */
    USAGE_QUESTION,
    /** Prices, promotions, where a product is sold, what competitors offer (市场咨询). */
    MARKET_QUESTION,
    /** Return, exchange and warranty rules asked about in general. */
    POLICY_QUESTION,
    /** Delivery or installation of a purchase not yet registered. */
    INSTALLATION_ENQUIRY,
    OTHER
}
