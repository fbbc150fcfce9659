package com.aftersales.feedback.quality;

/**
 * The numbers of the detector's named rules; defaults live in application.yml
 * ({@code aftersales.feedback.quality.*}).
 *
 * @param minFailedUnits     QL-1: a cell is tested only with at least this many failed units
 * @param minUnits           QL-2: ... and at least this many registered units
 * @param falseDiscoveryRate QL-3: Benjamini–Hochberg level q over all cells tested in one scan
 * @param minRateRatio       QL-4: a significant cell alerts only if its rate is at least this multiple of the baseline
 * @param baselinePriorFailures pseudo-count added to the baseline's failures so that a model with no other failure
 *                              does not get a zero baseline (which would make any single failure "infinitely" unusual)
 */
public record DetectionSettings(long minFailedUnits, long minUnits, double falseDiscoveryRate, double minRateRatio,
                                double baselinePriorFailures) {

    public DetectionSettings {
        if (minFailedUnits < 1 || minUnits < 1) {
            throw new IllegalArgumentException("minimum counts must be at least 1");
        }
        if (!(falseDiscoveryRate > 0 && falseDiscoveryRate < 1)) {
            throw new IllegalArgumentException("falseDiscoveryRate must be in (0, 1)");
        }
        if (!(minRateRatio >= 1)) {
            throw new IllegalArgumentException("minRateRatio must be at least 1");
        }
        if (!(baselinePriorFailures > 0)) {
            throw new IllegalArgumentException("baselinePriorFailures must be positive");
        }
    }
}
