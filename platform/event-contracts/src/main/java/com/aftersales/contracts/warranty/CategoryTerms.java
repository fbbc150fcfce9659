package com.aftersales.contracts.warranty;

import java.time.Period;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The warranty terms of one product category.
 *
 * @param category the canonical category code, or {@link WarrantyTerms#DEFAULT_TERMS} for unlisted categories
 * @param start    the date the cover runs from
 * @param length   cover of the whole unit (整机), e.g. {@code P1Y}
 * @param parts    longer cover of named parts a manufacturer gives (e.g. {@code COMPRESSOR: P5Y}), same start
 */
public record CategoryTerms(String category, WarrantyStart start, Period length, Map<String, Period> parts) {

    public CategoryTerms {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("warranty of " + category + " must be positive: " + length);
        }
        parts = parts == null ? Map.of() : Map.copyOf(new TreeMap<>(parts));
        parts.forEach((part, cover) -> {
            if (!part.matches(WarrantyTerms.CODE_PATTERN)) {
                throw new IllegalArgumentException("part code of " + category + " must be an upper-case code: " + part);
            }
            if (WarrantyTerms.approximateDays(cover) < WarrantyTerms.approximateDays(length)) {
                throw new IllegalArgumentException("part " + part + " of " + category + " is covered " + cover
                        + ", shorter than the unit's " + length + ": list only parts with longer cover");
            }
        });
    }
}
