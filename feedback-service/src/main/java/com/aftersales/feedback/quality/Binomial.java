package com.aftersales.feedback.quality;

import org.hipparchus.special.Beta;

/**
 * Exact one-sided binomial tail. P(X ≥ k) for X ~ Binomial(n, p) equals the regularised incomplete beta function
 * I_p(k, n − k + 1), which Hipparchus evaluates directly, so tiny p-values keep their digits instead of becoming
 * 1 − (something close to 1).
 */
final class Binomial {

    private Binomial() {
    }

    /** P(X ≥ k) for X ~ Binomial(n, p). */
    static double upperTail(long k, long n, double p) {
        if (k <= 0 || p >= 1) {
            return 1.0;
        }
        if (k > n || p <= 0) {
            return 0.0;
        }
        return Beta.regularizedBeta(p, k, n - k + 1.0);
    }
}
