package com.aftersales.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Business-hours arithmetic: which instants are working time, what instant lies a given amount of
 * working time after another, and how much working time lies between two instants.
 * <p>
 * A day is a working day when it is a listed holiday-free working weekday, or an extra working day
 * (调休: the weekend days Chinese holiday schedules swap in to make up for bridge days). On a working
 * day, the working periods (08:00–12:00 and 13:30–18:30 by default) are working time in the
 * calendar's time zone. Immutable and thread-safe.
 */
public final class BusinessCalendar {

    /** Working weekdays of the brief: Monday to Saturday. */
    public static final Set<DayOfWeek> DEFAULT_WORKING_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    public static final List<WorkingPeriod> DEFAULT_PERIODS = List.of(
            new WorkingPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0)),
            new WorkingPeriod(LocalTime.of(13, 30), LocalTime.of(18, 30)));
    /**
     * How far the arithmetic searches for working time before it decides the calendar has none
     * (e.g. every day a holiday); a guard against an endless loop, far beyond any SLA.
     */
    static final int MAX_SEARCH_DAYS = 3660;

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final List<WorkingPeriod> periods;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    private BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, List<WorkingPeriod> periods,
                             Collection<LocalDate> holidays, Collection<LocalDate> extraWorkingDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.workingDays = workingDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(workingDays);
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working period");
        }
        this.periods = List.copyOf(sorted);
        this.holidays = Set.copyOf(new TreeSet<>(holidays));
        this.extraWorkingDays = Set.copyOf(new TreeSet<>(extraWorkingDays));
    }

    /** Monday–Saturday, 08:00–12:00 and 13:30–18:30 in {@code zone}, no holidays. */
    public static BusinessCalendar defaults(ZoneId zone) {
        return builder(zone).build();
    }

    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public List<WorkingPeriod> periods() {
        return periods;
    }

    /** Whether {@code date} has working hours: a working weekday that is no holiday, or an extra working day. */
    public boolean isWorkingDay(LocalDate date) {
        if (extraWorkingDays.contains(date)) {
            return true;
        }
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Whether the clock runs at {@code instant}. */
    public boolean isWorkingTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return periods.stream().anyMatch(p -> !time.isBefore(p.start()) && time.isBefore(p.end()));
    }

    /**
     * The instant at which {@code amount} of working time has elapsed after {@code start}. Outside
     * working hours the count starts at the next working period; a zero amount returns {@code start}
     * itself. A result that lands exactly on the end of a period is that end (e.g. 12:00), not the
     * start of the next one.
     *
     * @throws IllegalArgumentException for a negative amount, or a calendar without working time ahead
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int day = 0; day <= MAX_SEARCH_DAYS; day++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant from = max(start, at(date, period.start()));
                Instant to = at(date, period.end());
                if (!from.isBefore(to)) {
                    continue;
                }
                Duration available = Duration.between(from, to);
                if (available.compareTo(remaining) >= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalArgumentException("no working time within " + MAX_SEARCH_DAYS + " days after " + start);
    }

    /**
     * Working time between two instants; zero when {@code to} is not after {@code from}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant start = max(from, at(date, period.start()));
                Instant end = min(to, at(date, period.end()));
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} has elapsed after {@code start}, counted as {@code basis} says: business
     * time ({@link #addBusinessTime}), elapsed clock time, or calendar days in the calendar's zone.
     */
    public Instant add(TimeBasis basis, Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time to add must not be negative: " + amount);
        }
        return switch (basis) {
            case BUSINESS_HOURS -> addBusinessTime(start, amount);
            case CLOCK_HOURS -> start.plus(amount);
            case CALENDAR_DAYS -> start.atZone(zone).plusDays(amount.toDays()).plus(amount.minusDays(amount.toDays())).toInstant();
        };
    }

    /** Time between two instants as {@code basis} counts it; zero when {@code to} is not after {@code from}. */
    public Duration between(TimeBasis basis, Instant from, Instant to) {
        if (basis == TimeBasis.BUSINESS_HOURS) {
            return businessTimeBetween(from, to);
        }
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    /**
     * The first instant at or after {@code instant} that is working time: {@code instant} itself
     * during working hours, else the start of the next working period.
     */
    public Instant nextWorkingInstant(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (int day = 0; day <= MAX_SEARCH_DAYS; day++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (WorkingPeriod period : periods) {
                Instant end = at(date, period.end());
                if (instant.isBefore(end)) {
                    return max(instant, at(date, period.start()));
                }
            }
        }
        throw new IllegalArgumentException("no working time within " + MAX_SEARCH_DAYS + " days after " + instant);
    }

    private Instant at(LocalDate date, LocalTime time) {
        // ZonedDateTime resolves a DST gap forward and an overlap to the earlier offset: a period never vanishes.
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + workingDays + ", " + periods + ", " + holidays.size() + " holidays, "
                + extraWorkingDays.size() + " extra working days]";
    }

    /** Builds a calendar; starts from the defaults (Monday–Saturday, 08:00–12:00 and 13:30–18:30). */
    public static final class Builder {
        private final ZoneId zone;
        private Set<DayOfWeek> workingDays = DEFAULT_WORKING_DAYS;
        private List<WorkingPeriod> periods = DEFAULT_PERIODS;
        private final Set<LocalDate> holidays = new TreeSet<>();
        private final Set<LocalDate> extraWorkingDays = new TreeSet<>();

        private Builder(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        public Builder workingDays(Collection<DayOfWeek> days) {
            this.workingDays = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
            return this;
        }

        public Builder periods(List<WorkingPeriod> periods) {
            this.periods = List.copyOf(periods);
            return this;
        }

        public Builder holidays(Collection<LocalDate> dates) {
            holidays.addAll(dates);
            return this;
        }

        /** Days worked although their weekday is not a working day (调休 make-up days). */
        public Builder extraWorkingDays(Collection<LocalDate> dates) {
            extraWorkingDays.addAll(dates);
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(zone, workingDays, periods, holidays, extraWorkingDays);
        }
    }
}
