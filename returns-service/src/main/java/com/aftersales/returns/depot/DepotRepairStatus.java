package com.aftersales.returns.depot;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Progress of a depot repair as the depot reports it; ROUTED is where every order starts. */
public enum DepotRepairStatus {
    ROUTED, RECEIVED, DIAGNOSED, WAITING_PARTS, REPAIRED, SHIPPED_BACK;

    private static final Map<DepotRepairStatus, Set<DepotRepairStatus>> NEXT = Map.of(
            ROUTED, EnumSet.of(RECEIVED),
            RECEIVED, EnumSet.of(DIAGNOSED),
            DIAGNOSED, EnumSet.of(WAITING_PARTS, REPAIRED),
            WAITING_PARTS, EnumSet.of(REPAIRED),
            REPAIRED, EnumSet.of(SHIPPED_BACK),
            SHIPPED_BACK, EnumSet.noneOf(DepotRepairStatus.class));

    public Set<DepotRepairStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(DepotRepairStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** The repair itself is done; the promise is kept or missed by now. */
    public boolean isRepaired() {
        return this == REPAIRED || this == SHIPPED_BACK;
    }
}
