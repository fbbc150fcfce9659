package com.aftersales.feedback.quality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinomialTest {

    @Test
    void upperTailMatchesDirectSums() {
        // P(X ≥ 3 | 10, 0.2) = 1 - (0.8^10 + 10·0.2·0.8^9 + 45·0.04·0.8^8)
        double direct = 1 - (Math.pow(0.8, 10) + 10 * 0.2 * Math.pow(0.8, 9) + 45 * 0.04 * Math.pow(0.8, 8));
        assertThat(Binomial.upperTail(3, 10, 0.2)).isCloseTo(direct, within(1e-12));
        // all ten fail: 0.2^10
        assertThat(Binomial.upperTail(10, 10, 0.2)).isCloseTo(Math.pow(0.2, 10), within(1e-18));
        assertThat(Binomial.upperTail(0, 10, 0.2)).isEqualTo(1.0);
        assertThat(Binomial.upperTail(11, 10, 0.2)).isEqualTo(0.0);
    }

    @Test
    void tinyTailsStayPositiveAndOrdered() {
        double p20 = Binomial.upperTail(20, 100, 0.01);
        double p30 = Binomial.upperTail(30, 100, 0.01);
        assertThat(p20).isPositive().isLessThan(1e-15);
        assertThat(p30).isPositive().isLessThan(p20);
    }

    @Test
    void tinyTailMatchesTheSumOfItsTerms() {
        // P(X ≥ 20 | 100, 0.01) = Σ C(100, i) 0.01^i 0.99^(100-i), i = 20..100, summed directly in big-decimal-free doubles
        double sum = 0;
        for (int i = 20; i <= 100; i++) {
            sum += Math.exp(logChoose(100, i) + i * Math.log(0.01) + (100 - i) * Math.log(0.99));
        }
        assertThat(Binomial.upperTail(20, 100, 0.01)).isCloseTo(sum, within(sum * 1e-9));
    }

    private static double logChoose(int n, int k) {
        double log = 0;
        for (int i = 1; i <= k; i++) {
            log += Math.log(n - k + i) - Math.log(i);
        }
        return log;
    }
}
