package com.aftersales.dispatch.technician;

import com.aftersales.dispatch.shared.GeoPoint;

import java.util.Set;

/**
 * Where a technician works: within {@code radiusKm} of the home base, and/or in the listed region
 * codes. A job is covered when either matches.
 */
public record ServiceArea(Double radiusKm, Set<String> regionCodes) {

    public ServiceArea {
        regionCodes = regionCodes == null ? Set.of() : Set.copyOf(regionCodes);
    }

    /** @return why the place is or is not covered, or null when it is covered */
    public String notCoveredBecause(GeoPoint homeBase, GeoPoint place, String regionCode) {
        if (regionCode != null && regionCodes.contains(regionCode)) {
            return null;
        }
        if (radiusKm != null && place != null) {
            double km = homeBase.kilometresTo(place);
            if (km <= radiusKm) {
                return null;
            }
            return "%.1f km from home base, beyond the %.1f km service radius".formatted(km, radiusKm);
        }
        if (place == null && (regionCode == null || regionCodes.isEmpty())) {
            // nothing to compare: a supervisor decides from the proposal (the job cannot be auto-assigned without a location)
            return null;
        }
        return "region " + regionCode + " is not one of " + regionCodes.stream().sorted().toList();
    }
}
