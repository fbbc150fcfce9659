package com.aftersales.contracts.returns;

import java.time.Instant;
import java.util.UUID;

/**
 * A return moved from one status to another (every move, including those without an event of their own such
 * as IN_REPAIR, REPAIRED and COLLECTED). Keyed by return id, in order with the return's other events.
 *
 * @param ticketId v1.1: the ticket the return comes from, when requested for one; null otherwise
 * @param requestedByStore v1.2: as in {@code ReturnRequested}: the requesting clerk's store, null for unscoped roles
 * @param countsInReturnRate v1.3: whether the return now counts in the return rate (returns-service's one rule: a
 *                           consumer return not rejected, not for a shipping error and not a factory batch fault);
 *                           null from producers before v1.3
 */
public record ReturnStatusChanged(UUID returnId, String fromStatus, String toStatus, String remedy, Instant changedAt,
                                  UUID ticketId, String requestedByStore, Boolean countsInReturnRate) {

    /** The fields of v1.2. */
    public ReturnStatusChanged(UUID returnId, String fromStatus, String toStatus, String remedy, Instant changedAt,
                               UUID ticketId, String requestedByStore) {
        this(returnId, fromStatus, toStatus, remedy, changedAt, ticketId, requestedByStore, null);
    }

    /** The fields of v1.1. */
    public ReturnStatusChanged(UUID returnId, String fromStatus, String toStatus, String remedy, Instant changedAt,
                               UUID ticketId) {
        this(returnId, fromStatus, toStatus, remedy, changedAt, ticketId, null, null);
    }

    /** The fields of v1.0. */
    public ReturnStatusChanged(UUID returnId, String fromStatus, String toStatus, String remedy, Instant changedAt) {
        this(returnId, fromStatus, toStatus, remedy, changedAt, null, null, null);
    }
}
