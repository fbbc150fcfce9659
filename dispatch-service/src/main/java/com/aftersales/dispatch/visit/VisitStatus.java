package com.aftersales.dispatch.visit;

import java.util.Set;

public enum VisitStatus {
    SCHEDULED, EN_ROUTE, ON_SITE, COMPLETED, NEEDS_FOLLOW_UP, UNIT_TAKEN_TO_DEPOT;

    public boolean isFinal() {
        return this == COMPLETED || this == NEEDS_FOLLOW_UP || this == UNIT_TAKEN_TO_DEPOT;
    }

    /** Where a visit may go from here. */
    public Set<VisitStatus> next() {
        return switch (this) {
            case SCHEDULED -> Set.of(EN_ROUTE, ON_SITE);
            case EN_ROUTE -> Set.of(ON_SITE);
            case ON_SITE -> Set.of(COMPLETED, NEEDS_FOLLOW_UP, UNIT_TAKEN_TO_DEPOT);
            default -> Set.of();
        };
    }
}
