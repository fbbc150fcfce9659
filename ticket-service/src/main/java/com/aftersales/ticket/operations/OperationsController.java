package com.aftersales.ticket.operations;

import com.aftersales.ticket.sla.SlaClockType;
import com.aftersales.ticket.ticket.TicketStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Read-only figures for the ops console: backlog and SLA health right now. */
@RestController
@Tag(name = "Operations", description = "Read-only figures for the operations console (role OPS)")
class OperationsController {

    record Snapshot(Instant at, Map<TicketStatus, Long> backlogByStatus, long backlog, long breachWindowHours,
                    Map<SlaClockType, Long> breachesInWindow, long breachesInWindowTotal,
                    Map<SlaClockType, Map<String, Long>> runningClocksAtRisk) {
    }

    private final OperationsRepository operations;
    private final OperationsProperties properties;
    private final Clock clock;

    OperationsController(OperationsRepository operations, OperationsProperties properties, Clock clock) {
        this.operations = operations;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/api/ops/ticket-service", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    @Operation(summary = "Backlog by status and SLA breaches in the breach window (default the last 24 h)")
    Snapshot snapshot() {
        Instant now = clock.instant();
        Map<TicketStatus, Long> backlog = operations.openByStatus();
        Map<SlaClockType, Long> breaches = operations.breachesSince(now.minus(properties.breachWindow()));
        return new Snapshot(now, backlog, backlog.values().stream().mapToLong(Long::longValue).sum(),
                properties.breachWindow().toHours(), breaches, breaches.values().stream().mapToLong(Long::longValue).sum(),
                operations.runningClocksAtRisk(now));
    }
}
