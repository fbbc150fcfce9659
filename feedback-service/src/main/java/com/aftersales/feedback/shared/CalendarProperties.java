package com.aftersales.feedback.shared;

import com.aftersales.calendar.BusinessCalendar;
import com.aftersales.calendar.PublicDays;
import com.aftersales.calendar.WorkingPeriod;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The business calendar complaint SLA clocks run on ({@code aftersales.feedback.calendar.*}), read by the
 * shared {@code business-calendar} library. Defaults in application.yml match ticket-service's. Public holidays and
 * make-up working days (调休) are the platform's public calendar (this service's {@code calendar_day} table, kept in
 * step with ticket-service's): complaint clocks stand still over Spring Festival.
 */
@ConfigurationProperties("aftersales.feedback.calendar")
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
