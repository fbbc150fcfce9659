package com.aftersales.dispatch.technician;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A technician's working time: weekly shifts in a time zone, minus days off.
 *
 * @param timeZone e.g. Asia/Shanghai
 */
public record WorkingCalendar(String timeZone, List<Shift> shifts, Set<LocalDate> daysOff) {

    public WorkingCalendar {
        ZoneId.of(timeZone);
        shifts = shifts == null ? List.of() : shifts.stream()
                .sorted(Comparator.comparing(Shift::day).thenComparing(Shift::start)).toList();
        daysOff = daysOff == null ? Set.of() : Set.copyOf(daysOff);
        for (Shift shift : shifts) {
            if (!shift.end().isAfter(shift.start())) {
                throw new IllegalArgumentException("a shift must end after it starts: " + shift);
            }
        }
    }

    /** A working period on a day of the week, in local time. */
    public record Shift(DayOfWeek day, LocalTime start, LocalTime end) {
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public List<Shift> shiftsOn(LocalDate date) {
        if (daysOff.contains(date)) {
            return List.of();
        }
        return shifts.stream().filter(s -> s.day() == date.getDayOfWeek()).toList();
    }

    public boolean worksOn(LocalDate date) {
        return !shiftsOn(date).isEmpty();
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone()).toLocalDate();
    }

    /** When the last shift of the day ends, or null on a day off. */
    public Instant endOfWorkOn(LocalDate date) {
        return shiftsOn(date).stream().map(Shift::end).max(Comparator.naturalOrder())
                .map(end -> ZonedDateTime.of(date, end, zone()).toInstant()).orElse(null);
    }

    /** When the first shift of the day starts, or null on a day off. */
    public Instant startOfWorkOn(LocalDate date) {
        return shiftsOn(date).stream().map(Shift::start).min(Comparator.naturalOrder())
                .map(start -> ZonedDateTime.of(date, start, zone()).toInstant()).orElse(null);
    }
}
