package com.aftersales.returns.rma;

import java.util.Set;

/** The step does not fit where the return stands (or its remedy); says where it is and what is allowed. */
public class IllegalReturnTransitionException extends com.aftersales.domain.error.IllegalTransitionException {

    private final ReturnStatus current;
    private final ReturnStatus requested;

    public IllegalReturnTransitionException(ReturnStatus current, ReturnStatus requested, String why) {
        super("return", current, requested, current.allowedNext(), why);
        this.current = current;
        this.requested = requested;
    }

    public ReturnStatus current() {
        return current;
    }

    public ReturnStatus requested() {
        return requested;
    }

    public Set<ReturnStatus> allowed() {
        return current.allowedNext();
    }
}
