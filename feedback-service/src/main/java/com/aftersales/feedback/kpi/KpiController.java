package com.aftersales.feedback.kpi;

import com.aftersales.feedback.shared.ProjectionRebuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Validated
@Tag(name = "KPIs", description = "Service KPIs (绩效评估) from pre-aggregated event projections")
class KpiController {

    private final KpiQuery query;
    private final KpiRebuild rebuild;

    KpiController(KpiQuery query, KpiRebuild rebuild) {
        this.query = query;
        this.rebuild = rebuild;
    }

    @GetMapping(path = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "KPIs by period and group",
            description = "Ticket-cohort KPIs: a ticket counts in the period (in the configured zone) it was opened. "
                    + "Counts are the additive measures; kpis are their ratios (null without data).")
    @ApiResponse(responseCode = "400", description = "Unknown groupBy or granularity, from after to, range too wide",
            content = @Content(mediaType = "application/problem+json"))
    KpiQuery.Result kpis(@Parameter(description = "technician, team, store, model or region; absent = whole platform")
                         @RequestParam(required = false) @Size(max = 32) String groupBy,
                         @Parameter(description = "first day (ISO date); absent = the first of to's month")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @Parameter(description = "last day (ISO date); absent = today in the KPI zone")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @Parameter(description = "day, week (ISO, from Monday) or month") @RequestParam(required = false)
                         @Size(max = 16) String granularity) {
        return query.query(groupBy, from, to, granularity);
    }

    @PostMapping(path = "/api/kpis/rebuilds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Rebuild the KPI projection from offset zero",
            description = "Admin command (also ./aftersales-style: curl -X POST .../api/kpis/rebuilds). Stops the KPI "
                    + "listener, empties the KPI tables, replays every topic from the beginning to its current end through the "
                    + "same handlers, then restarts the listener, which skips what the rebuild already applied.")
    ProjectionRebuilder.Result rebuild() {
        return rebuild.rebuild();
    }
}
