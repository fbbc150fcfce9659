package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.shared.TravelModel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code aftersales.dispatch.assignment.*}: the engine's numbers (defaults in application.yml).
 *
 * @param autoAssign       the engine assigns the best candidate on the supervisor's behalf when the job allows it
 * @param roadFactor       road distance / straight-line distance
 * @param averageSpeedKmh  average travel speed
 * @param sweepInterval    how often jobs still waiting for a technician are offered to the engine again (rule
 *                         {@value AssignmentService#RULE_RETRY_WAITING}): a job that found nobody, for instance after
 *                         every shift of the day ended, is assigned once a shift starts or a technician comes on duty
 * @param sweepBatch       at most this many waiting jobs, oldest first, per sweep
 */
@ConfigurationProperties("aftersales.dispatch.assignment")
public record AssignmentProperties(
        @DefaultValue("true") boolean autoAssign,
        @DefaultValue AssignmentPolicy.Weights weights,
        @DefaultValue("1.3") double roadFactor,
        @DefaultValue("30") double averageSpeedKmh,
        @DefaultValue("50") double maxDistanceKm,
        @DefaultValue("5") int maxSkillLevel,
        @DefaultValue("0.7") double historyPriorRate,
        @DefaultValue("5") double historyPriorWeight,
        @DefaultValue("60m") Duration averageVisit,
        @DefaultValue("0.4") double slaLateScore,
        @DefaultValue("0.35") double minimumAutoAssignScore,
        @DefaultValue("60s") Duration sweepInterval,
        @DefaultValue("50") int sweepBatch) {

    public AssignmentPolicy policy() {
        return new AssignmentPolicy(weights, new TravelModel(roadFactor, averageSpeedKmh), maxDistanceKm, maxSkillLevel,
                historyPriorRate, historyPriorWeight, averageVisit, slaLateScore, minimumAutoAssignScore);
    }
}
