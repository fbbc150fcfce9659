package com.aftersales.dispatch.planning;

import java.time.Instant;
import java.util.List;

/**
 * One technician's day as planned.
 *
 * @param lateMinutes     minutes after the windows' ends, weighted by urgency
 * @param overtimeMinutes minutes the last visit ends after the shift
 */
public record Route(String technicianId, List<Stop> stops, double roadKm, long lateMinutes, long overtimeMinutes,
                    Instant finishesAt) {

    /** @param lateMinutes unweighted minutes after the window's end */
    public record Stop(String visitId, Instant arrival, Instant serviceStart, long lateMinutes) {
    }
}
