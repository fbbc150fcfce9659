package com.aftersales.calendar;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of working time within a working day, e.g. 08:00–12:00. The end is exclusive.
 *
 * @param start local start time
 * @param end   local end time, after {@code start}
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {

    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a working period must end after it starts: " + start + "–" + end);
        }
    }

    /** Parses {@code HH:mm-HH:mm}, the form configuration uses. */
    public static WorkingPeriod parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a working period looks like 08:00-12:00, not " + text);
        }
        return new WorkingPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
