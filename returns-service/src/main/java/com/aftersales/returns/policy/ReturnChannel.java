package com.aftersales.returns.policy;

/** Who returns the unit: a consumer, or a dealer/store returning stock to the warehouse (B2B). */
public enum ReturnChannel {
    CONSUMER, DEALER
}
