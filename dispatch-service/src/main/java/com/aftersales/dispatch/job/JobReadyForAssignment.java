package com.aftersales.dispatch.job;

import java.util.UUID;

/** In-process notice, published in the transaction that made the job assignable (queued or released from hold). */
public record JobReadyForAssignment(UUID jobId) {
}
