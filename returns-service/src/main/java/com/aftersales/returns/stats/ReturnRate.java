package com.aftersales.returns.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One group's return rate in a month and how it compares with the target and the flag level, on units and on amounts.
 *
 * @param returned       units returned in the month that count (shipping errors and factory batch faults excluded)
 * @param excluded       units returned for a shipping error or a factory batch fault
 * @param sold           units sold in the month, null when unknown
 * @param rate           returned / sold, null when nothing (or nothing known) was sold
 * @param returnedAmount what the customers had paid for the returns that count (units with a recorded sale price)
 * @param soldAmount     what customers paid for the units sold in the month (those with a recorded price), null if none
 * @param amountRate     returnedAmount / soldAmount, null without sold amounts
 * @param basis          which rate the level is decided on ({@code aftersales.returns.stats.basis})
 */
public record ReturnRate(String key, long returned, long excluded, Long sold, BigDecimal rate, Level level,
                         BigDecimal returnedAmount, BigDecimal soldAmount, BigDecimal amountRate, Basis basis) {

    /** WITHIN_TARGET: rate ≤ target; ABOVE_TARGET: above the target; FLAGGED: above the flag level. */
    public enum Level { WITHIN_TARGET, ABOVE_TARGET, FLAGGED, NO_SALES_DATA }

    /** QUANTITY: returned units over units sold (the brief's rule); AMOUNT: returned sales amount over sales amount. */
    public enum Basis { QUANTITY, AMOUNT }

    private static final int SCALE = 4;

    /** On units only (no amounts known). */
    public static ReturnRate of(String key, long returned, long excluded, Long sold, BigDecimal target, BigDecimal flag) {
        return of(key, returned, excluded, sold, null, null, Basis.QUANTITY, target, flag);
    }

    public static ReturnRate of(String key, long returned, long excluded, Long sold, BigDecimal returnedAmount,
                                BigDecimal soldAmount, Basis basis, BigDecimal target, BigDecimal flag) {
        BigDecimal rate = sold == null || sold == 0 ? null
                : BigDecimal.valueOf(returned).divide(BigDecimal.valueOf(sold), SCALE, RoundingMode.HALF_UP);
        BigDecimal amountRate = soldAmount == null || soldAmount.signum() == 0 ? null
                : (returnedAmount == null ? BigDecimal.ZERO : returnedAmount).divide(soldAmount, SCALE, RoundingMode.HALF_UP);
        BigDecimal decisive = basis == Basis.AMOUNT ? amountRate : rate;
        Level level = decisive == null ? Level.NO_SALES_DATA : decisive.compareTo(flag) > 0 ? Level.FLAGGED
                : decisive.compareTo(target) > 0 ? Level.ABOVE_TARGET : Level.WITHIN_TARGET;
        return new ReturnRate(key, returned, excluded, sold, rate, level, returnedAmount, soldAmount, amountRate, basis);
    }
}
