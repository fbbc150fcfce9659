package com.aftersales.ticket.sla;

import java.time.Instant;

/**
 * A clock as the API shows it.
 *
 * @param remainingBusinessSeconds business time left until due (zero once due or stopped)
 */
public record SlaClockView(SlaClockType clock, String rule, long targetSeconds, Instant startedAt, Instant dueAt,
                           long remainingBusinessSeconds, SlaClock.Health state, Instant stoppedAt) {
}
