package com.aftersales.feedback.quality;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded simulation of the issue: a planted bad batch is found, data without one raises no alert.
 * Numbers as in application.yml: QL-1 5 failed units, QL-2 30 units, q = 0.01, QL-4 2×.
 */
class ClusterDetectorSimulationTest {

    static final DetectionSettings SETTINGS = new DetectionSettings(5, 30, 0.01, 2.0, 0.5);
    static final int SEEDS = 40;
    /** The planted batch fails at this multiple of its model's rate for one fault code in one region. */
    static final double PLANTED_MULTIPLE = 8.0;

    final ClusterDetector detector = new ClusterDetector(SETTINGS);

    @Test
    void findsThePlantedBadBatchInEverySeed() {
        int found = 0;
        int otherAlerts = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            SimulatedFleet fleet = SimulatedFleet.withBadBatch(seed, PLANTED_MULTIPLE);
            DetectionReport report = detector.scan(fleet.observations());
            List<CellKey> alerted = report.alerts().stream().map(CellTest::cell).toList();
            if (alerted.contains(fleet.planted)) {
                found++;
            }
            otherAlerts += (int) alerted.stream().filter(cell -> !cell.equals(fleet.planted)).count();
        }
        System.out.printf("planted ×%.0f: found in %d of %d seeds, %d other alerts%n", PLANTED_MULTIPLE, found, SEEDS, otherAlerts);
        assertThat(found).isEqualTo(SEEDS);
        assertThat(otherAlerts).isZero();
    }

    /** The detector's power by effect size: printed for the record, asserted only to rise with the effect. */
    @Test
    void detectionRateRisesWithTheEffect() {
        double[] multiples = {1.5, 2, 3, 4, 6, 8};
        int[] found = new int[multiples.length];
        int falseAlerts = 0;
        for (int i = 0; i < multiples.length; i++) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                SimulatedFleet fleet = SimulatedFleet.withBadBatch(500 + seed, multiples[i]);
                List<CellKey> alerted = detector.scan(fleet.observations()).alerts().stream().map(CellTest::cell).toList();
                found[i] += alerted.contains(fleet.planted) ? 1 : 0;
                falseAlerts += (int) alerted.stream().filter(cell -> !cell.equals(fleet.planted)).count();
            }
            System.out.printf("planted ×%.1f: found in %d of %d seeds%n", multiples[i], found[i], SEEDS);
        }
        System.out.printf("false alerts over %d planted fleets: %d%n", multiples.length * SEEDS, falseAlerts);
        for (int i = 1; i < multiples.length; i++) {
            assertThat(found[i]).isGreaterThanOrEqualTo(found[i - 1]);
        }
        assertThat(found[0]).isLessThan(SEEDS);
        assertThat(falseAlerts).isLessThanOrEqualTo(1);
    }

    @Test
    void plantedAlertCarriesItsEvidence() {
        SimulatedFleet fleet = SimulatedFleet.withBadBatch(7, PLANTED_MULTIPLE);
        CellTest alert = detector.scan(fleet.observations()).alerts().stream()
                .filter(a -> a.cell().equals(fleet.planted)).findFirst().orElseThrow();
        assertThat(alert.failedUnits()).isEqualTo(fleet.failures.get(fleet.planted));
        assertThat(alert.units()).isEqualTo(fleet.units.get(fleet.planted.group()));
        assertThat(alert.rateRatio()).isGreaterThanOrEqualTo(SETTINGS.minRateRatio());
        assertThat(alert.pValue()).isLessThanOrEqualTo(alert.bhThreshold());
        assertThat(alert.rulesFired()).hasSize(4).anySatisfy(rule -> assertThat(rule).startsWith(ClusterDetector.QL3));
        assertThat(alert.explanation()).contains(fleet.planted.batchNumber()).contains("alert:");
    }

    @Test
    void healthyFleetsRaiseNoAlert() {
        long alerts = LongStream.rangeClosed(1, SEEDS)
                .map(seed -> detector.scan(SimulatedFleet.healthy(1000 + seed).observations()).alerts().size())
                .sum();
        long tested = LongStream.rangeClosed(1, SEEDS)
                .map(seed -> detector.scan(SimulatedFleet.healthy(1000 + seed).observations()).tested().size())
                .sum();
        System.out.printf("healthy: %d alerts over %d seeds (%d cells tested)%n", alerts, SEEDS, tested);
        assertThat(tested).isPositive();
        assertThat(alerts).isZero();
    }
}
