package com.aftersales.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A country's public holidays and make-up working days (调休: weekend days worked to bridge a holiday), as data an
 * administrator keeps (the platform stores them in each service's {@code calendar_day} table). Immutable.
 *
 * @param holidays    days off, with their names (e.g. 春节)
 * @param workingDays make-up working days, with the holiday they make up for
 * @param provisional days not yet officially announced (e.g. a year whose schedule the State Council has not published)
 */
public record PublicDays(Map<LocalDate, String> holidays, Map<LocalDate, String> workingDays, Set<LocalDate> provisional) {

    public static final PublicDays NONE = new PublicDays(Map.of(), Map.of(), Set.of());

    public PublicDays {
        holidays = Map.copyOf(new TreeMap<>(Objects.requireNonNull(holidays)));
        workingDays = Map.copyOf(new TreeMap<>(Objects.requireNonNull(workingDays)));
        provisional = Set.copyOf(provisional == null ? Set.of() : provisional);
        for (LocalDate day : holidays.keySet()) {
            if (workingDays.containsKey(day)) {
                throw new IllegalArgumentException(day + " cannot be both a public holiday and a make-up working day");
            }
        }
    }

    public boolean isHoliday(LocalDate day) {
        return holidays.containsKey(day);
    }

    public boolean isMakeUpWorkingDay(LocalDate day) {
        return workingDays.containsKey(day);
    }
}
