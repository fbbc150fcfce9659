package com.aftersales.feedback.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds unusual failure clusters among registered units.
 * <p>
 * Method: for every model × batch × region × fault-code cell with enough data (rules QL-1, QL-2), an
 * exact one-sided binomial test of H0 "this cell's units fail with this fault code no more often than
 * the same model's units elsewhere": X = failed units of the cell, n = its registered units, p0 = the
 * model's rate for that fault code over all its <em>other</em> batches and regions (leave-one-out, so a
 * bad cell does not inflate its own baseline; a small pseudo-count keeps p0 above zero). The p-values of
 * all cells tested in one scan go through the Benjamini–Hochberg step-up procedure at level q (QL-3),
 * which bounds the expected share of false alerts among alerts by q however many cells are tested; the
 * number of hypotheses counts every cell with the units to be tested (those below the minimum failure count
 * enter with p = 1), so that the minimum count does not select on the outcome.
 * A significant cell alerts only if its rate is at least a configured multiple of the baseline (QL-4),
 * so that a huge population cannot alert on a commercially meaningless excess.
 */
public final class ClusterDetector {

    public static final String METHOD = "exact one-sided binomial test of the cell's failed units against the model's "
            + "leave-one-out baseline rate for the fault code; Benjamini-Hochberg false-discovery control over all cells "
            + "tested in the scan; minimum counts and a minimum rate ratio";

    static final String QL1 = "QL-1 minimum failed units";
    static final String QL2 = "QL-2 minimum registered units";
    static final String QL3 = "QL-3 Benjamini-Hochberg significance";
    static final String QL4 = "QL-4 minimum rate ratio";

    private final DetectionSettings settings;

    public ClusterDetector(DetectionSettings settings) {
        this.settings = settings;
    }

    public DetectionReport scan(QualityObservations observations) {
        Map<String, Long> unitsPerModel = new HashMap<>();
        observations.units().forEach((group, count) -> unitsPerModel.merge(group.model(), count, Long::sum));
        Map<List<String>, Long> failuresPerModelAndFault = new HashMap<>();
        observations.failedUnits().forEach((cell, count) ->
                failuresPerModelAndFault.merge(List.of(cell.model(), cell.faultCode()), count, Long::sum));

        // The number of hypotheses is every cell that had the units to be tested, not only those that reached the
        // minimum failure count: counting only the latter would select on the outcome and loosen the BH thresholds.
        // Cells below QL-1 take p = 1, which is conservative.
        Map<String, Long> faultCodesPerModel = new HashMap<>();
        failuresPerModelAndFault.keySet().forEach(key -> faultCodesPerModel.merge(key.get(0), 1L, Long::sum));
        long hypotheses = 0;
        for (Map.Entry<CellKey.UnitGroupKey, Long> group : observations.units().entrySet()) {
            CellKey.UnitGroupKey key = group.getKey();
            if (key.batchNumber() != null && key.regionCode() != null && group.getValue() >= settings.minUnits()
                    && unitsPerModel.get(key.model()) - group.getValue() >= settings.minUnits()) {
                hypotheses += faultCodesPerModel.getOrDefault(key.model(), 0L);
            }
        }

        List<Candidate> candidates = new ArrayList<>();
        for (Map.Entry<CellKey, Long> entry : observations.failedUnits().entrySet()) {
            CellKey cell = entry.getKey();
            long failed = entry.getValue();
            if (!cell.testable() || failed < settings.minFailedUnits()) {
                continue;
            }
            long units = observations.units().getOrDefault(cell.group(), 0L);
            long otherUnits = unitsPerModel.getOrDefault(cell.model(), 0L) - units;
            if (units < settings.minUnits() || otherUnits < settings.minUnits()) {
                continue;
            }
            long otherFailures = failuresPerModelAndFault.get(List.of(cell.model(), cell.faultCode())) - failed;
            double baseline = (otherFailures + settings.baselinePriorFailures()) / (otherUnits + settings.baselinePriorFailures());
            // A failure count above the unit count means the facts disagree (a unit re-registered elsewhere);
            // cap it so the test stays defined and the evidence shows both numbers.
            long x = Math.min(failed, units);
            double pValue = Binomial.upperTail(x, units, baseline);
            candidates.add(new Candidate(cell, failed, units, baseline, pValue));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::pValue).thenComparing(c -> c.cell().toString()));

        int tests = (int) Math.max(hypotheses, candidates.size());
        int lastSignificantRank = 0;
        for (int rank = 1; rank <= candidates.size(); rank++) {
            if (candidates.get(rank - 1).pValue() <= threshold(rank, tests)) {
                lastSignificantRank = rank;
            }
        }
        List<CellTest> tested = new ArrayList<>(candidates.size());
        List<CellTest> alerts = new ArrayList<>();
        for (int rank = 1; rank <= candidates.size(); rank++) {
            CellTest test = evaluate(candidates.get(rank - 1), rank, tests, rank <= lastSignificantRank);
            tested.add(test);
            if (test.alert()) {
                alerts.add(test);
            }
        }
        double cutoff = lastSignificantRank == 0 ? 0.0 : candidates.get(lastSignificantRank - 1).pValue();
        return new DetectionReport(observations.failedUnits().size(), tested, cutoff, alerts);
    }

    private double threshold(int rank, int tests) {
        return (double) rank / tests * settings.falseDiscoveryRate();
    }

    private CellTest evaluate(Candidate c, int rank, int tests, boolean significant) {
        double rate = (double) c.failed() / c.units();
        double ratio = rate / c.baseline();
        boolean bigEnough = ratio >= settings.minRateRatio();
        List<String> rules = new ArrayList<>();
        rules.add(String.format(Locale.ROOT, "%s: %d ≥ %d", QL1, c.failed(), settings.minFailedUnits()));
        rules.add(String.format(Locale.ROOT, "%s: %d ≥ %d", QL2, c.units(), settings.minUnits()));
        rules.add(String.format(Locale.ROOT, "%s: p = %.3g %s %d/%d × q(%s) = %.3g", QL3, c.pValue(),
                significant ? "within the step-up cutoff," : "above the step-up cutoff,", rank, tests,
                settings.falseDiscoveryRate(), threshold(rank, tests)));
        rules.add(String.format(Locale.ROOT, "%s: rate ratio %.2f %s %.2f", QL4, ratio, bigEnough ? "≥" : "<",
                settings.minRateRatio()));
        boolean alert = significant && bigEnough;
        String explanation = String.format(Locale.ROOT,
                "%s: %d of %d registered units failed (%.2f%%) against the model's baseline of %.3f%% elsewhere "
                        + "(%.2f expected, %.1f× the baseline); exact binomial p = %.3g, rank %d of %d tests; %s",
                c.cell(), c.failed(), c.units(), 100 * rate, 100 * c.baseline(), c.units() * c.baseline(), ratio,
                c.pValue(), rank, tests,
                alert ? "alert: " + QL3 + " and " + QL4 + " passed"
                        : !significant ? "no alert: " + QL3 + " not met" : "no alert: " + QL4 + " not met");
        return new CellTest(c.cell(), c.failed(), c.units(), rate, c.baseline(), c.units() * c.baseline(), ratio,
                c.pValue(), rank, tests, threshold(rank, tests), significant, alert, rules, explanation);
    }

    private record Candidate(CellKey cell, long failed, long units, double baseline, double pValue) {
    }
}
