package com.aftersales.dispatch.operations;

import com.aftersales.dispatch.shared.DispatchMetrics;
import com.aftersales.platform.metrics.CachedGauges;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** Registers dispatch-service's query-backed gauges; the platform refreshes them on its interval. */
@Component
class OperationsGauges {

    OperationsGauges(CachedGauges gauges, OperationsRepository operations) {
        gauges.register(DispatchMetrics.TECHNICIANS, "Technicians by status", () -> {
            Map<Tags, Long> values = new HashMap<>();
            operations.techniciansByStatus().forEach((status, count) -> values.put(Tags.of("status", status.name()), count));
            return values;
        });
        gauges.register(DispatchMetrics.JOBS_OPEN, "Dispatch jobs neither closed nor cancelled, by status", () -> {
            Map<Tags, Long> values = new HashMap<>();
            operations.openJobsByStatus().forEach((status, count) -> values.put(Tags.of("status", status.name()), count));
            return values;
        });
        gauges.register(DispatchMetrics.TECHNICIAN_UTILISATION,
                "Open jobs assigned to technicians on duty over their daily visit capacity", null, () -> {
                    Double utilisation = operations.onDutyWorkload().utilisation();
                    return utilisation == null ? 0.0 : utilisation;
                });
    }
}
