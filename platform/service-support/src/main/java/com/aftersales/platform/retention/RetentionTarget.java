package com.aftersales.platform.retention;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One table the {@link RetentionJob} keeps small: rows whose {@code timeColumn} lies more than {@code period} in the
 * past are deleted (rows where it is null, e.g. an outbox row not yet published, never are).
 *
 * @param table      the table
 * @param timeColumn when a row became deletable: processed, published, sent
 * @param period     how long rows are kept after that
 */
public record RetentionTarget(String table, String timeColumn, Duration period) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public RetentionTarget {
        Objects.requireNonNull(period, "period");
        if (!IDENTIFIER.matcher(table).matches() || !IDENTIFIER.matcher(timeColumn).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + table + "." + timeColumn);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(table + ": retention must be positive");
        }
    }
}
