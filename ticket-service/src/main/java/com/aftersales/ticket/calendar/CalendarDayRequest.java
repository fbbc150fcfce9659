package com.aftersales.ticket.calendar;

import com.aftersales.platform.calendar.PublicCalendar;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/calendar/days/{date}}.
 *
 * @param kind        PUBLIC_HOLIDAY (a day off) or MAKE_UP_WORKING_DAY (a weekend day worked, 调休)
 * @param name        the holiday, e.g. 春节
 * @param provisional true while the official schedule is not published (false when absent)
 */
public record CalendarDayRequest(@NotNull PublicCalendar.Kind kind, @NotBlank @Size(max = 64) String name, Boolean provisional) {
}
