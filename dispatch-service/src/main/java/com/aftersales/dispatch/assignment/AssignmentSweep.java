package com.aftersales.dispatch.assignment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Rule {@value AssignmentService#RULE_RETRY_WAITING}: a job is offered to the engine when it is queued; if nobody could
 * take it then (every shift of the day over, everyone off duty or full), nothing else would happen until a supervisor
 * looked. This sweep offers the waiting jobs again, oldest first, so that the first technician whose shift starts or who
 * comes on duty gets them. Each job in its own transaction under its row lock: two instances sweeping at once assign a
 * job once.
 */
@Component
class AssignmentSweep {

    private static final Logger log = LoggerFactory.getLogger(AssignmentSweep.class);

    private final AssignmentService assignment;
    private final AssignmentProperties properties;

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
        int assigned = 0;
        for (UUID job : assignment.waitingJobs(properties.sweepBatch())) {
            try {
                if (assignment.retryWaiting(job)) {
                    assigned++;
                }
            } catch (RuntimeException e) {
                // one job's trouble (a lock timeout, a lost database) must not keep the others waiting
                log.warn("Waiting job {} could not be offered again: {}", job, e.toString());
            }
        }
        if (assigned > 0) {
            log.info("{} waiting job(s) assigned ({})", assigned, AssignmentService.RULE_RETRY_WAITING);
        }
    }
}
