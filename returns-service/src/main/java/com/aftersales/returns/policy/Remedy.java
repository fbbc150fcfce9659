package com.aftersales.returns.policy;

/**
 * What the customer is offered. {@link #generosity()} orders remedies for the customer: money back
 * beats a replacement, which beats a free repair, then a paid repair, then nothing.
 */
public enum Remedy {
    NO_REASON_RETURN(5),
    REFUND(5),
    EXCHANGE(4),
    FREE_REPAIR(3),
    PAID_REPAIR(2),
    /** Dealer returns only, chosen on photo review: the store keeps the goods at an adjusted price. Never automated. */
    PRICE_ADJUSTMENT(2),
    REJECTED(1);

    private final int generosity;

    Remedy(int generosity) {
        this.generosity = generosity;
    }

    public int generosity() {
        return generosity;
    }

    /** Money back to the customer (or a credit to a dealer). */
    public boolean refundsMoney() {
        return this == NO_REASON_RETURN || this == REFUND;
    }
}
