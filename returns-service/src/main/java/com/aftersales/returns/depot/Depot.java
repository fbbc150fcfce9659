package com.aftersales.returns.depot;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A repair depot.
 *
 * @param code           lower-case letters, digits and '-': also the partner topic's name part
 * @param categories     product categories it repairs
 * @param turnaroundDays the repair promise, in calendar days from routing
 */
public record Depot(String code, String name, DepotKind kind, Set<String> categories, int turnaroundDays, boolean active,
                    Instant createdAt) {

    public Depot {
        Objects.requireNonNull(code, "code");
        categories = Set.copyOf(categories);
    }

    public boolean repairs(String category) {
        return active && categories.contains(category);
    }
}
