package com.aftersales.contracts.warranty;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * One covered period of a unit: the whole unit ({@link WarrantyTerms#UNIT}) or a part with longer cover.
 * Both ends are inclusive: the cover holds on {@code startDate}, on {@code lastDay} and every day between.
 *
 * @param part       {@code UNIT} or a part code such as {@code COMPRESSOR}
 * @param startBasis which date the cover runs from
 * @param startDate  that date
 * @param length     the configured length
 * @param lastDay    the last covered day, by {@link WarrantyTerms#END_DATE_RULE}
 */
public record Coverage(String part, WarrantyStart startBasis, LocalDate startDate, Period length, LocalDate lastDay) {

    public Coverage {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(startBasis, "startBasis");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(lastDay, "lastDay");
    }

    /** Whether the cover holds on {@code date} (a calendar date in the store's time zone). */
    public boolean covers(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(lastDay);
    }

    public boolean isUnit() {
        return WarrantyTerms.UNIT.equals(part);
    }
}
