package com.aftersales.feedback.quality;

import java.util.List;

/**
 * One scan's outcome.
 *
 * @param cellsObserved cells with at least one failed unit
 * @param tested        the cells that met QL-1/QL-2 and got a p-value, by ascending p-value (each carries the
 *                      number of hypotheses of the scan, which also counts the cells that entered with p = 1)
 * @param bhCutoff      the largest p-value declared significant (0 when none)
 * @param alerts        the cells that alert (significant and past QL-4)
 */
public record DetectionReport(int cellsObserved, List<CellTest> tested, double bhCutoff, List<CellTest> alerts) {

    public DetectionReport {
        tested = List.copyOf(tested);
        alerts = List.copyOf(alerts);
    }
}
