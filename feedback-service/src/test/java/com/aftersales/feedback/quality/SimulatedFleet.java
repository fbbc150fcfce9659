package com.aftersales.feedback.quality;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Seeded synthetic fleet: models × batches × install regions with registered units, and failures
 * drawn unit by unit from each model's per-fault-code baseline rate. Optionally one planted cell
 * (one batch, in one region, one fault code) fails at a multiple of its model's rate — the brief's
 * roof made for a warm region and installed in a cold one.
 */
final class SimulatedFleet {

    static final int MODELS = 3;
    static final int BATCHES_PER_MODEL = 15;
    static final int REGIONS = 6;
    static final int FAULT_CODES = 5;
    static final int MIN_UNITS_PER_GROUP = 40;
    static final int EXTRA_UNITS_PER_GROUP = 160;
    static final double MIN_BASE_RATE = 0.002;
    static final double EXTRA_BASE_RATE = 0.018;

    final Map<CellKey.UnitGroupKey, Long> units = new HashMap<>();
    final Map<CellKey, Long> failures = new HashMap<>();
    final CellKey planted;
    /** The planted batch is a large one in its region, on a fault code that is not rare, so that the test has power. */
    static final long PLANTED_UNITS = 200;
    static final double PLANTED_MIN_BASE_RATE = 0.01;

    private SimulatedFleet(long seed, double plantedRateMultiple) {
        Random random = new Random(seed);
        double[][] baseRates = new double[MODELS][FAULT_CODES];
        for (int m = 0; m < MODELS; m++) {
            for (int f = 0; f < FAULT_CODES; f++) {
                baseRates[m][f] = MIN_BASE_RATE + random.nextDouble() * EXTRA_BASE_RATE;
            }
        }
        CellKey plant = null;
        if (plantedRateMultiple > 0) {
            int m = random.nextInt(MODELS);
            int f = random.nextInt(FAULT_CODES);
            baseRates[m][f] = Math.max(baseRates[m][f], PLANTED_MIN_BASE_RATE);
            plant = new CellKey(model(m), batch(random.nextInt(BATCHES_PER_MODEL)), region(random.nextInt(REGIONS)), fault(f));
        }
        this.planted = plant;
        for (int m = 0; m < MODELS; m++) {
            for (int b = 0; b < BATCHES_PER_MODEL; b++) {
                for (int r = 0; r < REGIONS; r++) {
                    CellKey.UnitGroupKey group = new CellKey.UnitGroupKey(model(m), batch(b), region(r));
                    long n = MIN_UNITS_PER_GROUP + random.nextInt(EXTRA_UNITS_PER_GROUP + 1);
                    if (plant != null && group.equals(plant.group())) {
                        n = PLANTED_UNITS;
                    }
                    units.put(group, n);
                    for (int f = 0; f < FAULT_CODES; f++) {
                        CellKey cell = new CellKey(model(m), batch(b), region(r), fault(f));
                        double rate = baseRates[m][f] * (cell.equals(plant) ? plantedRateMultiple : 1.0);
                        long failed = 0;
                        for (long u = 0; u < n; u++) {
                            if (random.nextDouble() < rate) {
                                failed++;
                            }
                        }
                        if (failed > 0) {
                            failures.put(cell, failed);
                        }
                    }
                }
            }
        }
    }

    static SimulatedFleet healthy(long seed) {
        return new SimulatedFleet(seed, 0);
    }

    static SimulatedFleet withBadBatch(long seed, double rateMultiple) {
        return new SimulatedFleet(seed, rateMultiple);
    }

    QualityObservations observations() {
        return new QualityObservations(units, failures);
    }

    private static String model(int m) {
        return "KFR-" + (26 + m) + "GW";
    }

    private static String batch(int b) {
        return String.format("B2026%02d", b + 1);
    }

    private static String region(int r) {
        return "R" + (110000 + r * 10000);
    }

    private static String fault(int f) {
        return "E" + (f + 1);
    }
}
