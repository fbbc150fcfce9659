package com.aftersales.dispatch.operations;

import com.aftersales.dispatch.job.DispatchJobStatus;
import com.aftersales.dispatch.technician.TechnicianStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Read-only figures for the ops console: who is on duty and how loaded they are. */
@RestController
@Tag(name = "Operations", description = "Read-only figures for the operations console (role OPS)")
class OperationsController {

    record Snapshot(Instant at, Map<TechnicianStatus, Long> techniciansByStatus, long techniciansOnDuty,
                    long capacityPerDay, long assignedOpenJobs, Double utilisation,
                    Map<DispatchJobStatus, Long> openJobsByStatus) {
    }

    private final OperationsRepository operations;
    private final Clock clock;

    OperationsController(OperationsRepository operations, Clock clock) {
        this.operations = operations;
        this.clock = clock;
    }

    @GetMapping(path = "/api/ops/dispatch-service", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    @Operation(summary = "Technicians by status, on duty, and their utilisation (assigned open jobs over daily capacity)")
    Snapshot snapshot() {
        OperationsRepository.Workload workload = operations.onDutyWorkload();
        return new Snapshot(clock.instant(), operations.techniciansByStatus(), workload.technicians(), workload.capacity(),
                workload.assigned(), workload.utilisation(), operations.openJobsByStatus());
    }
}
