package com.aftersales.ticket.calendar;

import com.aftersales.contracts.calendar.CalendarDayChanged;
import com.aftersales.contracts.ticket.TicketEvents;
import com.aftersales.platform.calendar.PublicCalendar;
import com.aftersales.platform.outbox.EventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Changes to the public calendar, each stored with its event in one transaction. */
@Service
class CalendarService {

    private final PublicCalendar calendar;
    private final EventPublisher events;
    private final Clock clock;

    CalendarService(PublicCalendar calendar, EventPublisher events, Clock clock) {
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<PublicCalendar.Day> days(Integer year) {
        return calendar.days(year);
    }

    @Transactional
    PublicCalendar.Day put(LocalDate day, CalendarDayRequest request, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean provisional = Boolean.TRUE.equals(request.provisional());
        calendar.put(day, request.kind(), request.name().strip(), provisional, actor, now);
        events.publish(TicketEvents.CALENDAR_DAY_CHANGED, day.toString(),
                new CalendarDayChanged(day, request.kind().name(), request.name().strip(), provisional, false, actor, now));
        return new PublicCalendar.Day(day, request.kind(), request.name().strip(), provisional, now, actor);
    }

    /** @return false when the day was an ordinary day already (nothing published) */
    @Transactional
    boolean remove(LocalDate day, String actor) {
        if (!calendar.remove(day)) {
            return false;
        }
        events.publish(TicketEvents.CALENDAR_DAY_CHANGED, day.toString(),
                new CalendarDayChanged(day, null, null, false, true, actor, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return true;
    }
}
