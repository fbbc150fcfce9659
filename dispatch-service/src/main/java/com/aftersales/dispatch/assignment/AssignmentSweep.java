package com.aftersales.dispatch.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Rule {@value AssignmentService#RULE_RETRY_WAITING}: a job is offered to the engine when it is queued; if nobody could
 * take it then (every shift of the day over, everyone off duty or full), nothing else would happen until a supervisor
 * looked. This sweep offers the waiting jobs again, oldest first, so that the first technician whose shift starts or who
 * comes on duty gets them. Each job in its own transaction under its row lock: two instances sweeping at once assign a
 * job once. A sweep takes at most {@code sweep-batch} jobs and the next one goes on from where it stopped (back to the
 * oldest after the newest), so jobs that can never be auto-assigned (no location: they wait for a supervisor) do not
 * keep the ones behind them from ever being offered.
 */
@Component
class AssignmentSweep {

    private static final Logger log = LoggerFactory.getLogger(AssignmentSweep.class);

    private final AssignmentService assignment;
    private final AssignmentProperties properties;
    /** Where the next sweep goes on from; null: the oldest waiting job. Only the scheduler's thread touches it. */
    private AssignmentService.QueuePosition resumeAfter;

    AssignmentSweep(AssignmentService assignment, AssignmentProperties properties) {
        this.assignment = assignment;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${aftersales.dispatch.assignment.sweep-interval:60s}",
            initialDelayString = "${aftersales.dispatch.assignment.sweep-interval:60s}")
    void sweep() {
        if (!properties.autoAssign()) {
            return;
        }
        List<AssignmentService.QueuePosition> batch = assignment.waitingJobs(resumeAfter, properties.sweepBatch());
        // A short batch reached the newest waiting job: the next sweep starts again from the oldest.
        resumeAfter = batch.size() < properties.sweepBatch() ? null : batch.get(batch.size() - 1);
        int assigned = 0;
        for (AssignmentService.QueuePosition job : batch) {
            try {
                if (assignment.retryWaiting(job.jobId())) {
                    assigned++;
                }
            } catch (RuntimeException e) {
                // one job's trouble (a lock timeout, a lost database) must not keep the others waiting
                log.warn("Waiting job {} could not be offered again: {}", job.jobId(), e.toString());
            }
        }
        if (assigned > 0) {
            log.info("{} waiting job(s) assigned ({})", assigned, AssignmentService.RULE_RETRY_WAITING);
        }
    }
}
