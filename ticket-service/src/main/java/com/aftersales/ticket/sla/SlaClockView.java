package com.aftersales.ticket.sla;

import com.aftersales.calendar.TimeBasis;

import java.time.Instant;

/**
 * A clock as the API shows it.
 *
 * @param timeBasis                what the clock counts: CLOCK_HOURS (the on-site promise: nights and holidays count),
 *                                 BUSINESS_HOURS (working periods of working days), CALENDAR_DAYS
 * @param targetSeconds            the target, in the clock's basis
 * @param remainingSeconds         time left until due in the clock's basis (zero once due or stopped)
 * @param remainingBusinessSeconds working time left until due (zero once due or stopped), whatever the basis
 */
public record SlaClockView(SlaClockType clock, TimeBasis timeBasis, String rule, long targetSeconds, Instant startedAt,
                           Instant dueAt, long remainingSeconds, long remainingBusinessSeconds, SlaClock.Health state,
                           Instant stoppedAt) {
}
