package com.aftersales.ticket.sla;

import java.time.Duration;

/**
 * Business-time targets of the clocks; a null target means "no override here".
 *
 * @param onSite       the on-site promise to the customer
 * @param onSiteTarget the internal "beat the promise" target
 */
public record SlaTargets(Duration firstResponse, Duration onSite, Duration onSiteTarget, Duration resolution) {

    public Duration of(SlaClockType type) {
        return switch (type) {
            case FIRST_RESPONSE -> firstResponse;
            case ON_SITE -> onSite;
            case ON_SITE_TARGET -> onSiteTarget;
            case RESOLUTION -> resolution;
        };
    }
}
