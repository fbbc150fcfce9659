package com.aftersales.dispatch.job;

/**
 * HELD: not to be assigned yet (rule in {@code holdReason}); AWAITING_ASSIGNMENT; ASSIGNED; IN_PROGRESS (a visit
 * started); CLOSED (the work ended); CANCELLED (the ticket was closed before).
 */
public enum DispatchJobStatus {
    HELD, AWAITING_ASSIGNMENT, ASSIGNED, IN_PROGRESS, CLOSED, CANCELLED
}
