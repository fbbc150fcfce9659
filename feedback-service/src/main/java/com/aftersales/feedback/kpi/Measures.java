package com.aftersales.feedback.kpi;

import java.util.Arrays;

/** A vector of additive measures. */
final class Measures {

    private final long[] values = new long[Measure.values().length];

    Measures add(Measure m, long value) {
        values[m.ordinal()] += value;
        return this;
    }

    Measures count(Measure n, Measure sum, long value) {
        return add(n, 1).add(sum, value);
    }

    long get(Measure m) {
        return values[m.ordinal()];
    }

    Measures minus(Measures other) {
        Measures result = new Measures();
        for (int i = 0; i < values.length; i++) {
            result.values[i] = values[i] - other.values[i];
        }
        return result;
    }

    Measures plus(Measures other) {
        Measures result = new Measures();
        for (int i = 0; i < values.length; i++) {
            result.values[i] = values[i] + other.values[i];
        }
        return result;
    }

    Measures negated() {
        return new Measures().minus(this);
    }

    boolean isZero() {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Measures other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
