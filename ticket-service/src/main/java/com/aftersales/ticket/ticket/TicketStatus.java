package com.aftersales.ticket.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The ticket lifecycle as an explicit state machine: each state lists the states it may move to.
 * OPEN may go straight to AWAITING_TECHNICIAN when dispatch accepts a visit before anyone triaged it.
 * AWAITING_CUSTOMER is where the ticket waits for the customer (a callback, an appointment, a decision):
 * SLA clocks pause there.
 */
public enum TicketStatus {
    OPEN, TRIAGED, AWAITING_CUSTOMER, RESOLVED_REMOTELY, AWAITING_TECHNICIAN, TECHNICIAN_ASSIGNED, ON_SITE,
    IN_DEPOT_REPAIR, RESOLVED, CLOSED, REOPENED;

    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.ofEntries(
            entry(OPEN, EnumSet.of(TRIAGED, RESOLVED_REMOTELY, AWAITING_TECHNICIAN, AWAITING_CUSTOMER)),
            entry(TRIAGED, EnumSet.of(RESOLVED_REMOTELY, AWAITING_TECHNICIAN, AWAITING_CUSTOMER)),
            entry(AWAITING_CUSTOMER, EnumSet.of(TRIAGED, RESOLVED_REMOTELY, AWAITING_TECHNICIAN, TECHNICIAN_ASSIGNED)),
            entry(RESOLVED_REMOTELY, EnumSet.of(CLOSED, REOPENED)),
            entry(AWAITING_TECHNICIAN, EnumSet.of(TECHNICIAN_ASSIGNED, AWAITING_CUSTOMER)),
            entry(TECHNICIAN_ASSIGNED, EnumSet.of(ON_SITE, AWAITING_TECHNICIAN, AWAITING_CUSTOMER)),
            entry(ON_SITE, EnumSet.of(RESOLVED, IN_DEPOT_REPAIR)),
            entry(IN_DEPOT_REPAIR, EnumSet.of(RESOLVED)),
            entry(RESOLVED, EnumSet.of(CLOSED, REOPENED)),
            entry(CLOSED, EnumSet.of(REOPENED)),
            entry(REOPENED, EnumSet.of(TRIAGED, AWAITING_TECHNICIAN, RESOLVED_REMOTELY, AWAITING_CUSTOMER)));

    public Set<TicketStatus> allowedNext() {
        return EnumSet.copyOf(ALLOWED.get(this));
    }

    public boolean canMoveTo(TicketStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Resolved or closed: no work is pending (until a reopen). */
    public boolean isTerminalForWork() {
        return this == RESOLVED || this == RESOLVED_REMOTELY || this == CLOSED;
    }
}
