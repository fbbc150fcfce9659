package com.aftersales.dispatch.job;

import com.aftersales.dispatch.security.TechnicianScope;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/dispatch/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dispatch jobs", description = "Tickets that need a technician visit")
class DispatchJobController {

    static final String LIST = "dispatch-jobs";

    private final DispatchJobService jobs;
    private final TechnicianScope scope;
    private final PagingProperties paging;

    DispatchJobController(DispatchJobService jobs, TechnicianScope scope, PagingProperties paging) {
        this.jobs = jobs;
        this.scope = scope;
        this.paging = paging;
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
    @Operation(summary = "Jobs in a status, oldest first",
            description = "Oldest first (queued, then id). Paged as every list (docs/paging.md): pageSize and pageToken, "
                    + "the next page in the Link rel=\"next\" header; a technician's pages hold only his own jobs.")
    ResponseEntity<List<DispatchJob>> byStatus(
            @RequestParam DispatchJobStatus status,
            @Parameter(description = "Jobs per page (default and maximum: aftersales.paging.lists.dispatch-jobs)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(LIST, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        // The technician's scope in the query, before the limit: a technician gets full pages of his own jobs.
        List<DispatchJob> found = jobs.jobs(status, scope.technician(), after == null ? null : after.instant(0),
                after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, job -> PageToken.of(job.queuedAt(), job.id())));
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
