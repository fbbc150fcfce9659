package com.aftersales.dispatch.operations;

import com.aftersales.dispatch.shared.DispatchMetrics;
import com.aftersales.dispatch.visit.VisitStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Registers the domain counters and timers at zero for their enum tag combinations, so that dashboards and alert
 * rules see a series from the start instead of "no data" until the first visit (region: {@code unknown} only).
 */
@Component
class ZeroCounters {

    ZeroCounters(MeterRegistry meters) {
        for (VisitStatus outcome : VisitStatus.values()) {
            if (outcome.isFinal()) {
                for (boolean firstTimeFix : new boolean[]{true, false}) {
                    meters.counter(DispatchMetrics.VISITS_COMPLETED, "outcome", outcome.name(),
                            "firstTimeFix", String.valueOf(firstTimeFix));
                }
            }
        }
        for (String priority : DispatchMetrics.PRIORITIES) {
            DispatchMetrics.timeToAssign(meters, priority, null);
            DispatchMetrics.timeToOnSite(meters, priority, null);
        }
    }
}
