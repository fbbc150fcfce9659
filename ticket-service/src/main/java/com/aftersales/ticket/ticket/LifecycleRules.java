package com.aftersales.ticket.ticket;

import java.time.Duration;
import java.util.Objects;

/**
 * Configurable lifecycle rules.
 *
 * @param reopenWindow   a closed ticket may be reopened (a repeat repair) within this time of closing
 * @param autoCloseAfter a resolved ticket without the customer's reply closes after this time
 */
public record LifecycleRules(Duration reopenWindow, Duration autoCloseAfter) {

    public LifecycleRules {
        Objects.requireNonNull(reopenWindow);
        Objects.requireNonNull(autoCloseAfter);
    }
}
