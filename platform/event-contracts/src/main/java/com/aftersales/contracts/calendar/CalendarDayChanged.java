package com.aftersales.contracts.calendar;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An administrator set or removed a day of the public calendar (a public holiday or a make-up working day, 调休).
 * ticket-service owns the calendar and publishes this on {@code aftersales.tickets.v1}, keyed by the date; every
 * service that runs clocks or working calendars keeps its own copy up to date from it.
 *
 * @param kind        PUBLIC_HOLIDAY or MAKE_UP_WORKING_DAY; null when {@code removed}
 * @param name        e.g. 春节 or 国庆节; null when removed
 * @param provisional the day is not yet officially announced
 * @param removed     the day is an ordinary day again
 */
public record CalendarDayChanged(LocalDate day, String kind, String name, boolean provisional, boolean removed,
                                 String changedBy, Instant changedAt) {
}
