package com.aftersales.feedback.quality;

import java.util.Objects;

/**
 * One cell of the quality loop: a fault code among the units of one model, batch and install region.
 * A null batch or region is allowed: such failures count for the model's baseline but are never tested.
 */
public record CellKey(String model, String batchNumber, String regionCode, String faultCode) {

    public CellKey {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(faultCode, "faultCode");
    }

    boolean testable() {
        return batchNumber != null && regionCode != null;
    }

    UnitGroupKey group() {
        return new UnitGroupKey(model, batchNumber, regionCode);
    }

    /** Units are registered per model, batch and region; a null batch or region counts for the model baseline only. */
    public record UnitGroupKey(String model, String batchNumber, String regionCode) {
    }

    @Override
    public String toString() {
        return model + " × batch " + batchNumber + " × region " + regionCode + " × fault " + faultCode;
    }
}
