package com.aftersales.dispatch.planning;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import com.aftersales.dispatch.shared.GeoPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A visit to place in the day plan (a problem fact: the technician lists are what the solver changes).
 *
 * @param requiredSkills skill codes the technician must have (product and fault category)
 * @param windowStart    no earlier than this (the technician waits)
 * @param windowEnd      arriving later is SLA lateness
 * @param urgency        multiplies the lateness penalty (e.g. by ticket priority)
 * @param pinnedTo       the technician who agreed this appointment with the customer, or null when anyone may go
 */
public record PlanVisit(@PlanningId String id, GeoPoint location, Set<String> requiredSkills, Instant windowStart,
                        Instant windowEnd, Duration serviceTime, int urgency, String pinnedTo) {

    /** A visit nobody has agreed yet. */
    public PlanVisit(String id, GeoPoint location, Set<String> requiredSkills, Instant windowStart, Instant windowEnd,
                     Duration serviceTime, int urgency) {
        this(id, location, requiredSkills, windowStart, windowEnd, serviceTime, urgency, null);
    }
}
