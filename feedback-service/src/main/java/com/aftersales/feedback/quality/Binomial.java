package com.aftersales.feedback.quality;

/** Exact one-sided binomial tail, computed in log space so that tiny p-values do not underflow to zero too early. */
final class Binomial {

    /** Summation stops when a term adds less than this fraction of the sum. */
    private static final double RELATIVE_EPSILON = 1e-17;
    private static final double[] LANCZOS = {676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    private static final double LANCZOS_G = 7.5;

    private Binomial() {
    }

    /** P(X ≥ k) for X ~ Binomial(n, p). */
    static double upperTail(long k, long n, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        if (p <= 0) {
            return 0.0;
        }
        if (p >= 1) {
            return 1.0;
        }
        if (k > n * p) {
            return sumUpFrom(k, n, p);
        }
        // Left of the mean the upper tail is large: compute it as one minus the (small) lower tail.
        return Math.max(0.0, 1.0 - sumDownFrom(k - 1, n, p));
    }

    private static double sumUpFrom(long k, long n, double p) {
        double logFirst = logPmf(k, n, p);
        double odds = p / (1 - p);
        double sum = 1.0;
        double term = 1.0;
        for (long i = k; i < n; i++) {
            term *= (double) (n - i) / (i + 1) * odds;
            sum += term;
            if (term < sum * RELATIVE_EPSILON) {
                break;
            }
        }
        return Math.min(1.0, Math.exp(logFirst + Math.log(sum)));
    }

    private static double sumDownFrom(long k, long n, double p) {
        double logFirst = logPmf(k, n, p);
        double inverseOdds = (1 - p) / p;
        double sum = 1.0;
        double term = 1.0;
        for (long i = k; i > 0; i--) {
            term *= (double) i / (n - i + 1) * inverseOdds;
            sum += term;
            if (term < sum * RELATIVE_EPSILON) {
                break;
            }
        }
        return Math.min(1.0, Math.exp(logFirst + Math.log(sum)));
    }

    static double logPmf(long k, long n, double p) {
        return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    /** Lanczos approximation (g = 7, n = 9): about 15 significant digits for positive arguments. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double shifted = x - 1;
        double series = 0.99999999999980993;
        for (int i = 0; i < LANCZOS.length; i++) {
            series += LANCZOS[i] / (shifted + i + 1);
        }
        double t = shifted + LANCZOS_G;
        return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(series);
    }
}
