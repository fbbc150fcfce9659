package com.aftersales.ticket.operations;

import com.aftersales.platform.metrics.CachedGauges;
import com.aftersales.ticket.shared.TicketMetrics;
import io.micrometer.core.instrument.Tags;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Registers ticket-service's query-backed gauges; the platform refreshes them on its interval. */
@Component
class OperationsGauges {

    OperationsGauges(CachedGauges gauges, OperationsRepository operations, Clock clock) {
        gauges.register(TicketMetrics.TICKETS_OPEN, "Tickets not closed, by status", () -> {
            Map<Tags, Long> values = new HashMap<>();
            operations.openByStatus().forEach((status, count) -> values.put(Tags.of("status", status.name()), count));
            return values;
        });
        gauges.register(TicketMetrics.SLA_CLOCKS, "Running SLA clocks past their warning point or their due time", () -> {
            Map<Tags, Long> values = new HashMap<>();
            operations.runningClocksAtRisk(clock.instant()).forEach((type, states) -> states.forEach((state, count) ->
                    values.put(Tags.of("clock", type.name(), "state", state), count)));
            return values;
        });
    }
}
