package com.aftersales.feedback.shared;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.calendar.WorkingPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The business calendar complaint SLA clocks run on ({@code aftersales.feedback.calendar.*}), read by the
 * shared {@code business-calendar} library. Defaults in application.yml match ticket-service's.
 *
 * @param extraWorkingDays weekend days worked to make up for holiday bridges (调休)
 */
@ConfigurationProperties("aftersales.feedback.calendar")
public record CalendarProperties(ZoneId zone, List<DayOfWeek> workingDays, List<String> periods,
                                 List<LocalDate> holidays, List<LocalDate> extraWorkingDays) {

    public BusinessCalendar toCalendar() {
        BusinessCalendar.Builder builder = BusinessCalendar.builder(zone);
        if (workingDays != null && !workingDays.isEmpty()) {
            builder.workingDays(workingDays);
        }
        if (periods != null && !periods.isEmpty()) {
            builder.periods(periods.stream().map(WorkingPeriod::parse).toList());
        }
        if (holidays != null) {
            builder.holidays(holidays);
        }
        if (extraWorkingDays != null) {
            builder.extraWorkingDays(extraWorkingDays);
        }
        return builder.build();
    }
}
