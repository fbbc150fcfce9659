package com.aftersales.returns.operations;

import com.aftersales.returns.depot.DepotService;
import com.aftersales.returns.rma.ReturnFollowUps;
import com.aftersales.returns.rma.ReturnStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Read-only figures for the ops console: where returns are and how long they have waited. */
@RestController
@Tag(name = "Operations", description = "Read-only figures for the operations console (role OPS)")
class OperationsController {

    record Snapshot(Instant at, Map<ReturnStatus, Long> byStatus, Map<String, Long> ageing, long awaitingCompany,
                    long lateDepotRepairs) {
    }

    private final ReturnFollowUps followUps;
    private final DepotService depots;
    private final Clock clock;

    OperationsController(ReturnFollowUps followUps, DepotService depots, Clock clock) {
        this.followUps = followUps;
        this.depots = depots;
        this.clock = clock;
    }

    @GetMapping(path = "/api/ops/returns-service", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    @Operation(summary = "Returns by status, open returns awaiting the company by age bucket, late depot repairs")
    Snapshot snapshot() {
        Instant now = clock.instant();
        Map<String, Long> ageing = followUps.ageingBuckets(now);
        return new Snapshot(now, followUps.countByStatus(), ageing, ageing.values().stream().mapToLong(Long::longValue).sum(),
                depots.lateRepairCount());
    }
}
