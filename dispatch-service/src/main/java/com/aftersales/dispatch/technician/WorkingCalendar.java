package com.aftersales.dispatch.technician;

import com.aftersales.calendar.PublicDays;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

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
 * A technician's working time: weekly shifts in a time zone, minus days off, on the public calendar. Rules:
 * {@value #RULE_PUBLIC_HOLIDAY} (no shifts on a public holiday) and {@value #RULE_MAKE_UP_DAY} (on a make-up working
 * day, 调休, without shifts of its own weekday, the shifts of {@code makeUpShiftsOf}, Monday by default). The public
 * days are not stored with the technician: the repository attaches the platform's public calendar when it reads one.
 *
 * @param timeZone       e.g. Asia/Shanghai
 * @param publicDays     public holidays and make-up working days; none when absent
 * @param makeUpShiftsOf whose weekday's shifts a make-up working day takes
 */
public record WorkingCalendar(String timeZone, List<Shift> shifts, Set<LocalDate> daysOff,
                              @JsonIgnore PublicDays publicDays, @JsonIgnore DayOfWeek makeUpShiftsOf) {

    public static final String RULE_PUBLIC_HOLIDAY = "public-holiday-off";
    public static final String RULE_MAKE_UP_DAY = "make-up-day-worked";

    /** A calendar as stored, without public days. */
    @JsonCreator
    public WorkingCalendar(@JsonProperty("timeZone") String timeZone, @JsonProperty("shifts") List<Shift> shifts,
                           @JsonProperty("daysOff") Set<LocalDate> daysOff) {
        this(timeZone, shifts, daysOff, PublicDays.NONE, DayOfWeek.MONDAY);
    }

    public WorkingCalendar {
        publicDays = publicDays == null ? PublicDays.NONE : publicDays;
        makeUpShiftsOf = makeUpShiftsOf == null ? DayOfWeek.MONDAY : makeUpShiftsOf;
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

    /** The same calendar on the given public days. */
    public WorkingCalendar on(PublicDays days, DayOfWeek makeUpShifts) {
        return new WorkingCalendar(timeZone, shifts, daysOff, days, makeUpShifts);
    }

    public List<Shift> shiftsOn(LocalDate date) {
        if (daysOff.contains(date) || publicDays.isHoliday(date)) {
            return List.of();
        }
        List<Shift> own = shifts.stream().filter(s -> s.day() == date.getDayOfWeek()).toList();
        if (own.isEmpty() && publicDays.isMakeUpWorkingDay(date)) {
            return shifts.stream().filter(s -> s.day() == makeUpShiftsOf)
                    .map(s -> new Shift(date.getDayOfWeek(), s.start(), s.end())).toList();
        }
        return own;
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
