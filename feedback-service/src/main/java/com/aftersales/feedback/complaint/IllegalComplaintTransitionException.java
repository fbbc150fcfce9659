package com.aftersales.feedback.complaint;

import java.util.Set;

/** A step the workflow does not allow from the complaint's current status. */
public class IllegalComplaintTransitionException extends com.aftersales.domain.error.IllegalTransitionException {

    private final ComplaintStatus current;
    private final ComplaintStatus requested;

    IllegalComplaintTransitionException(ComplaintStatus current, ComplaintStatus requested) {
        super("complaint", current, requested, current.next(), "A complaint in status " + current + " cannot move to " + requested);
        this.current = current;
        this.requested = requested;
    }

    public ComplaintStatus current() {
        return current;
    }

    public ComplaintStatus requested() {
        return requested;
    }

    public Set<ComplaintStatus> allowed() {
        return current.next();
    }
}
