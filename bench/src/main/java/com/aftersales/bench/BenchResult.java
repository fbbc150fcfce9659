package com.aftersales.bench;

/**
 * One figure and the baseline it is compared with, measured in the same run.
 *
 * @param metric        what was measured, e.g. "p99 latency"
 * @param value         the subject's figure
 * @param baselineName  what the baseline is, e.g. "raw INSERT loop"
 * @param baselineValue the baseline's figure, in the same unit
 * @param lowerIsBetter whether a smaller figure is better (latency, travel) or worse (throughput, SLA-met share)
 */
public record BenchResult(String benchmark, String metric, double value, String unit, String baselineName,
                          double baselineValue, boolean lowerIsBetter) {

    /** Subject divided by baseline. */
    public double ratio() {
        return baselineValue == 0 ? Double.NaN : value / baselineValue;
    }
}
