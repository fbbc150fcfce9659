package com.aftersales.returns.depot;

/** An own depot, or a partner's; only partners get a partner topic. */
public enum DepotKind {
    OWN, PARTNER
}
