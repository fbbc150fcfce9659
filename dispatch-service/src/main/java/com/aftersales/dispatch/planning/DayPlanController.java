package com.aftersales.dispatch.planning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/dispatch/day-plan", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Day plan", description = "Every technician's visit sequence for today, planned by Timefold Solver")
class DayPlanController {

    private final DayPlanService plans;

    DayPlanController(DayPlanService plans) {
        this.plans = plans;
    }

    @PostMapping
    @Operation(summary = "Plan (or re-plan incrementally) today's routes of open located jobs",
            description = "Bounded by aftersales.dispatch.planning.time-limit. Advisory: assignments change through the assignment endpoints.")
    DayPlanView replan() {
        return plans.replan();
    }

    @GetMapping
    @Operation(summary = "The last plan, and whether it is stale")
    @ApiResponse(responseCode = "404", description = "Nothing planned yet", content = @Content(mediaType = "application/problem+json"))
    DayPlanView current() {
        return plans.current();
    }
}
