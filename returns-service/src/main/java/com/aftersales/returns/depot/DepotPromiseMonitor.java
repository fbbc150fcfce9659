package com.aftersales.returns.depot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Checks open depot repairs against their promise on a schedule, so that customers hear of a delay before the date. */
@Component
class DepotPromiseMonitor {

    private static final Logger log = LoggerFactory.getLogger(DepotPromiseMonitor.class);

    private final DepotService depots;
    private final Clock clock;

    DepotPromiseMonitor(DepotService depots, Clock clock) {
        this.depots = depots;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aftersales.returns.depot.monitor-interval}",
            initialDelayString = "${aftersales.returns.depot.monitor-interval}")
    void check() {
        try {
            int raised = depots.checkPromises(clock.instant());
            if (raised > 0) {
                log.info("{} depot repair(s) at risk of missing their promise", raised);
            }
        } catch (RuntimeException e) {
            log.warn("Depot promise check could not run, will retry: {}", e.toString());
        }
    }
}
