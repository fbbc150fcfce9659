package com.aftersales.contracts.feedback;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * feedback-service found an unusual failure cluster among registered units (生产-维修 quality loop):
 * a fault code fails in one model × batch × install region clearly more often than in the model's
 * other batches and regions. Carries the statistical evidence so the factory can judge it without
 * asking. On {@code aftersales.feedback.v1}, keyed by {@code alertId}.
 *
 * @param failedUnits        registered units of the cell that failed with the fault code
 * @param registeredUnits    registered units of the model, batch and region
 * @param baselineRate       the model's rate for the fault code over its other batches and regions
 * @param pValue             exact one-sided binomial p-value of the cell against the baseline
 * @param rank               rank of the p-value among the scan's hypotheses
 * @param hypotheses         how many cells the scan could test
 * @param bhThreshold        the Benjamini–Hochberg threshold at that rank
 * @param falseDiscoveryRate the q of the scan
 * @param method             the statistical method, in words
 * @param rulesFired         each named rule (QL-1...) with the numbers it was decided on
 * @param explanation        one sentence a quality engineer reads
 * @param faultSources       where the failures were taken from (VISIT, DEPOT, TICKET_INTAKE) and how many of each
 * @param unitsAtRisk        registered units of the cell that have not failed with this fault code yet
 */
public record QualityAlertRaised(
        UUID alertId,
        String model,
        String batchNumber,
        String regionCode,
        String faultCode,
        long failedUnits,
        long registeredUnits,
        double failureRate,
        double baselineRate,
        double expectedFailures,
        double rateRatio,
        double pValue,
        int rank,
        int hypotheses,
        double bhThreshold,
        double falseDiscoveryRate,
        String method,
        List<String> rulesFired,
        String explanation,
        List<SourceCount> faultSources,
        long unitsAtRisk,
        Instant raisedAt) {

    /** How many of the failed units a source of repair records contributed. */
    public record SourceCount(String source, long failedUnits) {
    }
}
