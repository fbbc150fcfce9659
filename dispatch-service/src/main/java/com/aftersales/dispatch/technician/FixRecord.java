package com.aftersales.dispatch.technician;

/**
 * A technician's record on one fault category, learned from completed service reports.
 *
 * @param completedVisits visits on this fault category that ended with a report
 * @param firstTimeFixes  those fixed on the first visit of the ticket
 */
public record FixRecord(String faultCategory, int completedVisits, int firstTimeFixes) {

    public static FixRecord none(String faultCategory) {
        return new FixRecord(faultCategory, 0, 0);
    }

    /**
     * First-time-fix rate shrunk towards {@code priorRate} by {@code priorWeight} pseudo-visits, so
     * that one lucky visit does not outrank a long good record.
     */
    public double smoothedRate(double priorRate, double priorWeight) {
        return (firstTimeFixes + priorRate * priorWeight) / (completedVisits + priorWeight);
    }
}
