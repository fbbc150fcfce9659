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
 */
public record PlanVisit(@PlanningId String id, GeoPoint location, Set<String> requiredSkills, Instant windowStart,
                        Instant windowEnd, Duration serviceTime, int urgency) {
}
