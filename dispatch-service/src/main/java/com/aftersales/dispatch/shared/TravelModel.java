package com.aftersales.dispatch.shared;

import java.time.Duration;

/**
 * Travel estimate without a road network: haversine distance times a road factor (roads are not
 * straight), at an average speed. Both numbers are configuration.
 */
public record TravelModel(double roadFactor, double averageSpeedKmh) {

    public TravelModel {
        if (roadFactor < 1 || averageSpeedKmh <= 0) {
            throw new IllegalArgumentException("road factor must be >= 1 and speed > 0");
        }
    }

    public double roadKilometres(GeoPoint from, GeoPoint to) {
        return from.kilometresTo(to) * roadFactor;
    }

    public Duration travelTime(GeoPoint from, GeoPoint to) {
        return Duration.ofSeconds(Math.round(roadKilometres(from, to) / averageSpeedKmh * 3600));
    }
}
