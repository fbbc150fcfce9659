package com.aftersales.returns.depot;

/** A depot reported a status that does not follow the current one. */
public class IllegalDepotRepairTransitionException extends com.aftersales.domain.error.IllegalTransitionException {

    private final DepotRepairStatus current;
    private final DepotRepairStatus requested;

    public IllegalDepotRepairTransitionException(DepotRepairStatus current, DepotRepairStatus requested) {
        super("depot-repair", current, requested, current.allowedNext(), cannotMove("depot-repair", current, requested));
        this.current = current;
        this.requested = requested;
    }

    public DepotRepairStatus current() {
        return current;
    }

    public DepotRepairStatus requested() {
        return requested;
    }
}
