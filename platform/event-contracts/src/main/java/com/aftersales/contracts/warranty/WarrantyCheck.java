package com.aftersales.contracts.warranty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The warranty position of a unit on one day.
 *
 * @param termsVersion version of the terms data that decided
 * @param termsKey     the category whose terms applied, or {@link WarrantyTerms#DEFAULT_TERMS}
 * @param on           the day checked
 * @param unit         the whole unit's cover
 * @param parts        the parts with longer cover, in part-code order
 */
public record WarrantyCheck(String termsVersion, String termsKey, LocalDate on, Coverage unit, List<Coverage> parts) {

    public WarrantyCheck {
        parts = List.copyOf(parts);
    }

    public boolean unitCovered() {
        return unit.covers(on);
    }

    /** Parts still covered on the day though the unit may not be. */
    public List<Coverage> coveredParts() {
        return parts.stream().filter(c -> c.covers(on)).toList();
    }

    public Optional<Coverage> part(String code) {
        return parts.stream().filter(c -> c.part().equals(code)).findFirst();
    }

    /** Every cover, the unit first. */
    public List<Coverage> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(unit), parts.stream()).toList();
    }
}
