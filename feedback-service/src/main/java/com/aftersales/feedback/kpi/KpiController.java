package com.aftersales.feedback.kpi;

import com.aftersales.feedback.shared.ProjectionRebuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

@RestController
@Validated
@Tag(name = "KPIs", description = "Service KPIs (绩效评估) from pre-aggregated event projections")
class KpiController {

    private final KpiQuery query;
    private final KpiRebuild rebuild;
    private final JsonMapper json;

    KpiController(KpiQuery query, KpiRebuild rebuild, JsonMapper json) {
        this.query = query;
        this.rebuild = rebuild;
        this.json = json;
    }

    @GetMapping(path = "/api/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "KPIs by period and group",
            description = "Ticket-cohort KPIs: a ticket counts in the period (in the configured zone) it was opened. "
                    + "Counts are the additive measures; kpis are their ratios (null without data).")
    @ApiResponse(responseCode = "200", description = "The rows by period and group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = KpiQuery.Result.class)))
    @ApiResponse(responseCode = "400", description = "Unknown groupBy or granularity, from after to, range too wide",
            content = @Content(mediaType = "application/problem+json"))
    void kpis(@Parameter(description = "technician, team, store, model or region; absent = whole platform")
                         @RequestParam(required = false) @Size(max = 32) String groupBy,
                         @Parameter(description = "first day (ISO date); absent = the first of to's month")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @Parameter(description = "last day (ISO date); absent = today in the KPI zone")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @Parameter(description = "day, week (ISO, from Monday) or month") @RequestParam(required = false)
                         @Size(max = 16) String granularity,
                         HttpServletResponse response) throws IOException {
        // Checked and read before the first byte is written, so a bad query or a failing statement is still a problem
        // response; then written by the application's own JSON generator, as KpiQuery.Result would be.
        KpiQuery.Plan plan = query.plan(groupBy, from, to, granularity);
        List<KpiQuery.Sums> rows = query.sums(plan);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator generator = json.createGenerator(response.getOutputStream())) {
            KpiJson.write(generator, plan, rows);
        }
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
