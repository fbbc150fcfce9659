package com.aftersales.feedback.quality;

import java.util.List;

/**
 * The evidence about one tested cell: counts, the baseline it was compared with, the test's p-value,
 * its Benjamini–Hochberg rank and threshold, whether it alerts and which named rules decided that.
 *
 * @param baselineRate     the model's failure rate for this fault code over its other batches and regions
 * @param expectedFailures units × baselineRate
 * @param pValue           exact one-sided binomial P(X ≥ failedUnits | units, baselineRate)
 * @param rank             rank of the p-value among all tests of the scan (1 = smallest)
 * @param bhThreshold      rank / tests × q: the p-value at this rank must not exceed it
 */
public record CellTest(CellKey cell, long failedUnits, long units, double failureRate, double baselineRate,
                       double expectedFailures, double rateRatio, double pValue, int rank, int tests,
                       double bhThreshold, boolean significant, boolean alert, List<String> rulesFired,
                       String explanation) {

    public CellTest {
        rulesFired = List.copyOf(rulesFired);
    }
}
