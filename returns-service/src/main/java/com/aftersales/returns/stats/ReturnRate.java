package com.aftersales.returns.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One group's return rate in a month and how it compares with the target and the flag level.
 *
 * @param returned units returned in the month that count (shipping errors and factory batch faults excluded)
 * @param excluded units returned for a shipping error or a factory batch fault
 * @param sold     units sold in the month, null when unknown
 * @param rate     returned / sold, null when nothing (or nothing known) was sold
 */
public record ReturnRate(String key, long returned, long excluded, Long sold, BigDecimal rate, Level level) {

    /** WITHIN_TARGET: rate ≤ target; ABOVE_TARGET: above the target; FLAGGED: above the flag level. */
    public enum Level { WITHIN_TARGET, ABOVE_TARGET, FLAGGED, NO_SALES_DATA }

    private static final int SCALE = 4;

    public static ReturnRate of(String key, long returned, long excluded, Long sold, BigDecimal target, BigDecimal flag) {
        if (sold == null || sold == 0) {
            return new ReturnRate(key, returned, excluded, sold, null, Level.NO_SALES_DATA);
        }
        BigDecimal rate = BigDecimal.valueOf(returned).divide(BigDecimal.valueOf(sold), SCALE, RoundingMode.HALF_UP);
        Level level = rate.compareTo(flag) > 0 ? Level.FLAGGED : rate.compareTo(target) > 0 ? Level.ABOVE_TARGET : Level.WITHIN_TARGET;
        return new ReturnRate(key, returned, excluded, sold, rate, level);
    }
}
