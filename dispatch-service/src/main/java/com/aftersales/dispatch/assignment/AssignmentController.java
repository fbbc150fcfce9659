package com.aftersales.dispatch.assignment;

import com.aftersales.dispatch.security.TechnicianScope;
import com.aftersales.platform.security.CurrentActor;
import com.aftersales.dispatch.job.DispatchJob;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/dispatch/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assignment", description = "Proposals with explained scores, supervisor overrides, technician declines")
class AssignmentController {

    private final AssignmentService assignments;
    private final CurrentActor actors;
    private final TechnicianScope scope;

    AssignmentController(AssignmentService assignments, CurrentActor actors, TechnicianScope scope) {
        this.assignments = assignments;
        this.actors = actors;
        this.scope = scope;
    }

    @GetMapping("/proposal")
    @Operation(summary = "Ranked technicians for a job, every score component explained, and who was excluded by which rule")
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = "application/problem+json"))
    Proposal proposal(@PathVariable UUID id) {
        return assignments.propose(id);
    }

    @PutMapping(path = "/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A supervisor assigns or reassigns the job, with a reason",
            description = "A technician a hard rule excludes (off duty, missing skill, outside the area, full) needs overrideRules=true.")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such job or technician", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "A rule forbids it (the problem names the rule)",
            content = @Content(mediaType = "application/problem+json"))
    DispatchJob assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
        return assignments.assign(id, request, actors.get().label());
    }

    @PostMapping(path = "/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The assigned technician declines, with a reason; the engine reassigns")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Not this technician's open assignment",
            content = @Content(mediaType = "application/problem+json"))
    DispatchJob decline(@PathVariable UUID id, @Valid @RequestBody DeclineRequest request) {
        UUID self = scope.technician();
        if (self != null) {
            if (request.technicianId() != null) {
                scope.requireSelf(request.technicianId());
            }
            // Another technician's job answers as an unknown one.
            scope.require(assignments.assignedTechnician(id), "dispatch job", id);
        }
        // The technician is the caller's (a technician) or the job's (a supervisor acting for him); who declined is
        // recorded from the token, never from the body.
        return assignments.decline(id, self != null ? self : request.technicianId(), request.reason(),
                actors.get().label());
    }
}
