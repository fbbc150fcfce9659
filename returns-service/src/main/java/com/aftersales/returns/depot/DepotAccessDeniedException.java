package com.aftersales.returns.depot;

/** A depot acted on another depot's order. */
public class DepotAccessDeniedException extends RuntimeException {

    public DepotAccessDeniedException(String actingDepot, String orderDepot) {
        super("Depot " + actingDepot + " may not report on an order routed to depot " + orderDepot);
    }
}
