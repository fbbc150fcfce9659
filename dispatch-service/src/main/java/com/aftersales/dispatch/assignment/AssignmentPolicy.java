package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.shared.TravelModel;

import java.time.Duration;

/**
 * The numbers the engine scores with (all configuration, see {@code aftersales.dispatch.assignment}).
 *
 * @param maxDistanceKm          road distance at which the distance component reaches 0
 * @param maxSkillLevel          the level that scores 1 on the skill component
 * @param historyPriorRate       first-time-fix rate assumed for a technician without history on a fault category
 * @param historyPriorWeight     how many visits of evidence that assumption is worth
 * @param averageVisit           time a visit takes, to estimate when a technician with open jobs could arrive
 * @param slaLateScore           SLA component of an arrival after the on-site target but before the promise
 * @param minimumAutoAssignScore the engine assigns on its own only above this score
 */
public record AssignmentPolicy(Weights weights, TravelModel travel, double maxDistanceKm, int maxSkillLevel,
                               double historyPriorRate, double historyPriorWeight, Duration averageVisit,
                               double slaLateScore, double minimumAutoAssignScore) {

    /** Relative weights of the score components; they need not add up to 1. */
    public record Weights(double skill, double distance, double capacity, double sla, double history) {
    }
}
