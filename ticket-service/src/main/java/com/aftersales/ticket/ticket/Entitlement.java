package com.aftersales.ticket.ticket;

import java.util.Objects;

/**
 * Whether the work is covered, decided at intake, with the named rule that decided it and a reason an
 * agent can read out to the customer.
 *
 * @param rule e.g. {@code within-warranty}, {@code warranty-expired}, {@code no-proof-of-purchase}
 */
public record Entitlement(Status status, String rule, String reason) {

    public enum Status {
        IN_WARRANTY, OUT_OF_WARRANTY, UNKNOWN
    }

    public Entitlement {
        Objects.requireNonNull(status);
        Objects.requireNonNull(rule);
        Objects.requireNonNull(reason);
    }

    /** Out-of-warranty (and unverified) work is charged: the customer must hear the charge basis first. */
    public boolean chargeable() {
        return status != Status.IN_WARRANTY;
    }
}
