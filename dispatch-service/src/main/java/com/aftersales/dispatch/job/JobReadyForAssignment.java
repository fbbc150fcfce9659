package com.aftersales.dispatch.job;

import java.util.UUID;

/**
 * In-process notice, published in the transaction that made the job assignable (queued or released from hold).
 *
 * @param inserted the job as that transaction inserted it, when it was queued just now: nobody else can see or change
 *                 the row before the commit, so the assignment takes it as it is instead of reading and locking it
 *                 again; null when the job was released from hold (read it under its lock)
 */
public record JobReadyForAssignment(UUID jobId, DispatchJob inserted) {

    static JobReadyForAssignment queued(DispatchJob job) {
        return new JobReadyForAssignment(job.id(), job);
    }

    static JobReadyForAssignment released(UUID jobId) {
        return new JobReadyForAssignment(jobId, null);
    }
}
