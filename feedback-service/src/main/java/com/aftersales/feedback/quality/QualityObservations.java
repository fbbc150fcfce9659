package com.aftersales.feedback.quality;

import java.util.Map;

/**
 * What the detector looks at: registered units per model × batch × region (nulls allowed: such units
 * only count for their model's baseline) and failed units per cell (a unit that failed twice with
 * the same fault code counts once, so a rate never exceeds one).
 */
public record QualityObservations(Map<CellKey.UnitGroupKey, Long> units, Map<CellKey, Long> failedUnits) {

    public QualityObservations {
        units = Map.copyOf(units);
        failedUnits = Map.copyOf(failedUnits);
    }
}
