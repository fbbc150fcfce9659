package com.aftersales.dispatch.job;

import com.aftersales.dispatch.security.TechnicianScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/dispatch/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dispatch jobs", description = "Tickets that need a technician visit")
class DispatchJobController {

    private final DispatchJobService jobs;
    private final TechnicianScope scope;

    DispatchJobController(DispatchJobService jobs, TechnicianScope scope) {
        this.jobs = jobs;
        this.scope = scope;
    }

    /** A technician sees only jobs assigned to him; anyone else's answers 404 like an unknown id. */
    private DispatchJob visible(DispatchJob job, Object id) {
        scope.require(job.technicianId(), "dispatch job", id);
        return job;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A dispatch job")
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = "application/problem+json"))
    DispatchJob get(@PathVariable UUID id) {
        return visible(jobs.job(id), id);
    }

    // Either a status or a ticket, never both: both at once is a 400 naming the accepted combinations.
    @GetMapping(params = {"status", "!ticketId"})
    @Operation(summary = "Jobs in a status, oldest first")
    java.util.List<DispatchJob> byStatus(@RequestParam DispatchJobStatus status,
                                         @RequestParam(defaultValue = "100") @jakarta.validation.constraints.Min(1)
                                         @jakarta.validation.constraints.Max(1000) int limit) {
        // The technician's scope in the query, before the limit: a technician gets up to `limit` of his own jobs.
        return jobs.jobs(status, scope.technician(), limit);
    }

    @GetMapping("/{id}/assignments")
    @Operation(summary = "Who was assigned and unassigned, by whom, why, with the score explanation")
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = "application/problem+json"))
    java.util.List<DispatchJobRepository.AssignmentLogEntry> history(@PathVariable UUID id) {
        visible(jobs.job(id), id);
        return jobs.history(id);
    }

    @GetMapping(params = {"ticketId", "!status"})
    @Operation(summary = "The dispatch job of a ticket")
    @ApiResponse(responseCode = "404", description = "The ticket has no job", content = @Content(mediaType = "application/problem+json"))
    DispatchJob byTicket(@RequestParam UUID ticketId) {
        return visible(jobs.jobForTicket(ticketId), ticketId);
    }
}
