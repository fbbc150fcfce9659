package com.aftersales.returns.rma;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a return stands, and where it may go next. */
public enum ReturnStatus {
    REQUESTED, AUTHORIZED, REJECTED, RECEIVED, INSPECTED, FEE_NEGOTIATION, REFUNDED, EXCHANGE_SHIPPED, OUT_OF_STOCK,
    IN_REPAIR, REPAIRED, READY_FOR_PICKUP,
    /** The unit cannot be repaired: a supervisor decides the settlement (exchange, refund, or return with compensation). */
    SETTLEMENT_PENDING,
    /** Settled with an exchange or a refund: those steps follow as after an inspection. */
    SETTLED,
    /** Not collected after the last notice, no reason given: the store is to post the unit (carrier and tracking number). */
    AWAITING_POSTING,
    COLLECTED, SHIPPED_BACK,
    /** Dealer: on photo review the store keeps the goods with a price adjustment. */
    PRICE_ADJUSTED,
    /** Dealer: the goods arrived damaged in transit and were refused at receipt. */
    REFUSED_AT_RECEIPT;

    private static final Map<ReturnStatus, Set<ReturnStatus>> NEXT = Map.ofEntries(
            // A dealer's goods may arrive before (or without) approval: received on the purchasing manager's signature,
            // else sent back; damaged in transit, refused at receipt.
            Map.entry(REQUESTED, EnumSet.of(AUTHORIZED, REJECTED, PRICE_ADJUSTED, RECEIVED, SHIPPED_BACK, REFUSED_AT_RECEIPT)),
            // A supervisor may still override an authorization or a rejection until the unit is received.
            Map.entry(AUTHORIZED, EnumSet.of(RECEIVED, REJECTED, AUTHORIZED, REFUSED_AT_RECEIPT)),
            Map.entry(REJECTED, EnumSet.of(AUTHORIZED, REJECTED, RECEIVED, SHIPPED_BACK, REFUSED_AT_RECEIPT)),
            Map.entry(RECEIVED, EnumSet.of(INSPECTED, FEE_NEGOTIATION)),
            Map.entry(INSPECTED, EnumSet.of(REFUNDED, EXCHANGE_SHIPPED, OUT_OF_STOCK, IN_REPAIR)),
            Map.entry(FEE_NEGOTIATION, EnumSet.of(IN_REPAIR, SHIPPED_BACK)),
            Map.entry(OUT_OF_STOCK, EnumSet.of(EXCHANGE_SHIPPED, REFUNDED)),
            Map.entry(IN_REPAIR, EnumSet.of(REPAIRED, SETTLEMENT_PENDING)),
            // QC's check after the repair may send it back (REPAIR_CHECK_FAILED).
            Map.entry(REPAIRED, EnumSet.of(READY_FOR_PICKUP, SHIPPED_BACK, IN_REPAIR)),
            Map.entry(SETTLEMENT_PENDING, EnumSet.of(SETTLED, READY_FOR_PICKUP)),
            Map.entry(SETTLED, EnumSet.of(REFUNDED, EXCHANGE_SHIPPED, OUT_OF_STOCK)),
            Map.entry(READY_FOR_PICKUP, EnumSet.of(COLLECTED, SHIPPED_BACK, AWAITING_POSTING)),
            // The customer may still come in, or give a reason to wait (back to READY_FOR_PICKUP, held).
            Map.entry(AWAITING_POSTING, EnumSet.of(SHIPPED_BACK, COLLECTED, READY_FOR_PICKUP)),
            Map.entry(REFUNDED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(EXCHANGE_SHIPPED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(COLLECTED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(SHIPPED_BACK, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(PRICE_ADJUSTED, EnumSet.noneOf(ReturnStatus.class)),
            Map.entry(REFUSED_AT_RECEIPT, EnumSet.noneOf(ReturnStatus.class)));

    public Set<ReturnStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(ReturnStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Nothing more happens to the customer's case (the returned unit may still be restocked or scrapped). */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
