package com.aftersales.dispatch.planning;

import com.aftersales.platform.security.CurrentActor;
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
    private final CurrentActor actors;

    DayPlanController(DayPlanService plans, CurrentActor actors) {
        this.plans = plans;
        this.actors = actors;
    }

    @PostMapping
    @Operation(summary = "Plan (or re-plan incrementally) today's routes of open located jobs",
            description = "Bounded by aftersales.dispatch.planning.time-limit. Advisory until applied (POST /api/dispatch/day-plan/application).")
    DayPlanView replan() {
        return plans.replan();
    }

    @GetMapping
    @Operation(summary = "The last plan, and whether it is stale")
    @ApiResponse(responseCode = "404", description = "Nothing planned yet", content = @Content(mediaType = "application/problem+json"))
    DayPlanView current() {
        return plans.current();
    }

    @PostMapping("/application")
    @Operation(summary = "Apply the day plan: every planned job goes to the technician whose route it is on",
            description = "Rule day-plan-applied. Waiting jobs are assigned (mode PLANNED), jobs assigned to someone else and "
                    + "not started are moved (cause REPLANNED), started/held/closed jobs are left alone. A stale plan is "
                    + "re-planned first. All or nothing.")
    @ApiResponse(responseCode = "404", description = "Nothing planned yet", content = @Content(mediaType = "application/problem+json"))
    DayPlanService.PlanApplication apply() {
        return plans.apply(actors.get().label());
    }
}
