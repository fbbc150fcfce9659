package com.aftersales.ticket.ticket;

import java.util.Set;

/** The lifecycle does not allow the requested move; says where the ticket is and where it may go. */
public class IllegalTransitionException extends com.aftersales.domain.error.IllegalTransitionException {

    private final TicketStatus current;
    private final TicketStatus requested;

    public IllegalTransitionException(TicketStatus current, TicketStatus requested) {
        super("ticket", current, requested, current.allowedNext(), cannotMove("ticket", current, requested));
        this.current = current;
        this.requested = requested;
    }

    public TicketStatus current() {
        return current;
    }

    public TicketStatus requested() {
        return requested;
    }

    public Set<TicketStatus> allowed() {
        return current.allowedNext();
    }
}
