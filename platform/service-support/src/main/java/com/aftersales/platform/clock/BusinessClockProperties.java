package com.aftersales.platform.clock;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Clock;
import java.time.Duration;

/**
 * The clock every business decision reads (opening times, days, windows, SLA clocks, event times).
 *
 * @param offset how far the business clock runs ahead of the system clock (negative: behind). Zero in production.
 *               For drills and tests that must live through a particular moment, such as midnight in Shanghai or
 *               the last day of a month, on every service of a platform at once (the launcher gives all of them the
 *               same offset). Security (token lifetimes), Kafka and PostgreSQL keep the system time.
 */
@ConfigurationProperties("aftersales.clock")
public record BusinessClockProperties(Duration offset) {

    public BusinessClockProperties {
        offset = offset == null ? Duration.ZERO : offset;
    }

    /** The system's UTC clock, moved by the offset when there is one. */
    public Clock clock() {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }
}
