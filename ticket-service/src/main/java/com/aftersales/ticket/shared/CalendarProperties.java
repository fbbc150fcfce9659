package com.aftersales.ticket.shared;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.calendar.PublicDays;
import com.aftersales.calendar.WorkingPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The business calendar SLA clocks run on, and the time zone in which dates (purchase dates, "today")
 * are read. Defaults in application.yml: Asia/Shanghai, Monday–Saturday, 08:00-12:00 and 13:30-18:30.
 * Public holidays and make-up working days (调休) are data, not configuration: the {@code calendar_day} table,
 * which administrators change through {@code /api/calendar/days}.
 */
@ConfigurationProperties("aftersales.ticket.calendar")
public record CalendarProperties(ZoneId zone, List<DayOfWeek> workingDays, List<String> periods) {

    public BusinessCalendar toCalendar(Supplier<PublicDays> publicDays) {
        BusinessCalendar.Builder builder = BusinessCalendar.builder(zone).publicDays(publicDays);
        if (workingDays != null && !workingDays.isEmpty()) {
            builder.workingDays(workingDays);
        }
        if (periods != null && !periods.isEmpty()) {
            builder.periods(periods.stream().map(WorkingPeriod::parse).toList());
        }
        return builder.build();
    }
}
