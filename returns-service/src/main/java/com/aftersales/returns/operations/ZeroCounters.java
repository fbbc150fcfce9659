package com.aftersales.returns.operations;

import com.aftersales.returns.policy.Remedy;
import com.aftersales.returns.policy.ReturnChannel;
import com.aftersales.returns.shared.ReturnsMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Registers the domain counters at zero for every tag combination (all small enums), so that dashboards and
 * alert rules see a series from the start instead of "no data" until the first return.
 */
@Component
class ZeroCounters {

    ZeroCounters(MeterRegistry meters) {
        for (ReturnChannel channel : ReturnChannel.values()) {
            for (Remedy remedy : Remedy.values()) {
                meters.counter(ReturnsMetrics.RETURNS_REQUESTED, "channel", channel.name(), "remedy", remedy.name());
            }
        }
        for (String result : new String[]{"pass", "fail"}) {
            for (boolean contradicts : new boolean[]{true, false}) {
                meters.counter(ReturnsMetrics.INSPECTIONS, "result", result, "contradictsClaim", String.valueOf(contradicts));
            }
        }
        meters.counter(ReturnsMetrics.DEPOT_REPAIRS_PROMISE_AT_RISK);
    }
}
