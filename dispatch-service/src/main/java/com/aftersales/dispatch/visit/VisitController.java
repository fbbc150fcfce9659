package com.aftersales.dispatch.visit;

import com.aftersales.dispatch.security.TechnicianScope;
import com.aftersales.platform.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/visits", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Visits", description = "Appointments, visit lifecycle, quotes, service reports and completion")
class VisitController {

    private static final String PROBLEM = "application/problem+json";

    private final VisitService visits;
    private final IdempotentRequests idempotency;
    private final TechnicianScope scope;

    VisitController(VisitService visits, IdempotentRequests idempotency, TechnicianScope scope) {
        this.visits = visits;
        this.idempotency = idempotency;
        this.scope = scope;
    }

    /** 404 unless the visit is the calling technician's (anyone else: no limit). */
    private void requireOwn(UUID visitId) {
        if (scope.technician() != null) {
            scope.require(visits.details(visitId).visit().technicianId(), "visit", visitId);
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Schedule a visit for an assigned job in the window agreed with the customer",
            description = "Publishes aftersales.dispatch.visit-scheduled.v1.")
    @ApiResponse(responseCode = "201", description = "Scheduled")
    @ApiResponse(responseCode = "400", description = "Invalid fields, window reversed or in the past", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Another technician's job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Job not assigned, or a visit is already open", content = @Content(mediaType = PROBLEM))
    ResponseEntity<Object> schedule(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody VisitRequests.Schedule request) {
        return idempotency.create("POST /api/visits", idempotencyKey, request, () -> {
            Visit visit = visits.schedule(request, scope.technician());
            return new IdempotentRequests.Created(URI.create("/api/visits/" + visit.id()), visit);
        });
    }

    @GetMapping(params = "from")
    @Operation(summary = "A technician's visits in a period, in window order (his day's route)",
            description = "A technician sees his own (technicianId may be left out); others name the technician. "
                    + "Each visit comes with the unit, the fault, region and coordinates, entitlement and priority.")
    @ApiResponse(responseCode = "400", description = "Period reversed, longer than 7 days, or no technician named", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "A technician naming another", content = @Content(mediaType = PROBLEM))
    java.util.List<VisitService.AgendaEntry> agenda(@RequestParam(required = false) UUID technicianId,
                                                    @RequestParam java.time.Instant from, @RequestParam java.time.Instant to) {
        UUID own = scope.technician();
        if (technicianId != null) {
            scope.requireSelf(technicianId);
        }
        UUID technician = technicianId != null ? technicianId : own;
        if (technician == null) {
            throw new com.aftersales.dispatch.shared.InvalidRequestException("technicianId", "name the technician");
        }
        if (!to.isAfter(from) || java.time.Duration.between(from, to).compareTo(java.time.Duration.ofDays(7)) > 0) {
            throw new com.aftersales.dispatch.shared.InvalidRequestException("to", "must be after from, at most 7 days later");
        }
        return visits.agenda(technician, from, to);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A visit with its log (schedules, no-shows, status changes) and, once completed, its charge")
    @ApiResponse(responseCode = "404", description = "No such visit", content = @Content(mediaType = PROBLEM))
    VisitService.VisitDetails get(@PathVariable UUID id) {
        VisitService.VisitDetails details = visits.details(id);
        scope.require(details.visit().technicianId(), "visit", id);
        return details;
    }

    @PostMapping(path = "/{id}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move the appointment to a new window, with a reason")
    @ApiResponse(responseCode = "400", description = "Invalid window", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Another technician's visit", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "The visit is past rescheduling", content = @Content(mediaType = PROBLEM))
    Visit reschedule(@PathVariable UUID id,
                     @Valid @RequestBody VisitRequests.Reschedule request) {
        return visits.reschedule(id, request, scope.technician());
    }

    @PostMapping(path = "/{id}/no-show", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the customer was not there",
            description = "Once per appointment window (rule no-show-once-per-window; a reschedule opens a new one), and "
                    + "only from aftersales.dispatch.visits.no-show-wait after the window starts (rule no-show-after-window-start).")
    @ApiResponse(responseCode = "403", description = "Another technician's visit", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Already on site or ended, the window has not started (plus the wait), "
            + "or a no-show is already recorded for it", content = @Content(mediaType = PROBLEM))
    Visit noShow(@PathVariable UUID id,
                 @Valid @RequestBody VisitRequests.NoShow request) {
        return visits.noShow(id, request, scope.technician());
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "EN_ROUTE or ON_SITE from the technician app; ON_SITE publishes visit-started")
    @ApiResponse(responseCode = "400", description = "Invalid status", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Another technician's visit", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Not allowed from the current status", content = @Content(mediaType = PROBLEM))
    Visit status(@PathVariable UUID id,
                 @Valid @RequestBody VisitRequests.StatusChange request) {
        return visits.changeStatus(id, request.status(), scope.technician());
    }

    @PostMapping(path = "/{id}/quote", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Quote out-of-warranty work from the labour rate table and part prices")
    @ApiResponse(responseCode = "400", description = "Invalid fields or unknown part", content = @Content(mediaType = PROBLEM))
    VisitRepository.QuoteRow quote(@PathVariable UUID id,
                                   @Valid @RequestBody VisitRequests.Quote request) {
        return visits.quote(id, request, scope.technician());
    }

    @GetMapping("/{id}/quote")
    @Operation(summary = "The visit's quote and whether the customer accepted it")
    @ApiResponse(responseCode = "404", description = "No quote", content = @Content(mediaType = PROBLEM))
    VisitRepository.QuoteRow quote(@PathVariable UUID id) {
        requireOwn(id);
        return visits.quoteOf(id);
    }

    @PostMapping(path = "/{id}/quote/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer accepts the quote; work may start")
    @ApiResponse(responseCode = "409", description = "No quote to accept", content = @Content(mediaType = PROBLEM))
    VisitRepository.QuoteRow accept(@PathVariable UUID id, @Valid @RequestBody VisitRequests.QuoteAcceptance request) {
        requireOwn(id);
        return visits.acceptQuote(id, request);
    }

    @PostMapping(path = "/{id}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Write the service report (服务单): the first draft, or a correction of a signed version as a new version")
    @ApiResponse(responseCode = "201", description = "A new version")
    @ApiResponse(responseCode = "403", description = "Another technician's visit", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "Quote not accepted, draft open, or visit not on site", content = @Content(mediaType = PROBLEM))
    ResponseEntity<Object> report(@PathVariable UUID id,
                                  @Parameter(description = "Client-chosen key that makes the request safe to retry")
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                  @Valid @RequestBody VisitRequests.Report request) {
        return idempotency.create("POST /api/visits/" + id + "/reports", idempotencyKey, request, () -> {
            ServiceReport report = visits.report(id, request, scope.technician());
            return new IdempotentRequests.Created(URI.create("/api/service-reports/" + report.id()), report);
        });
    }

    @GetMapping("/{id}/reports")
    @Operation(summary = "Every version of the visit's report, oldest first")
    List<ServiceReport> reports(@PathVariable UUID id) {
        requireOwn(id);
        return visits.reportsOf(id);
    }

    @PostMapping(path = "/{id}/completion", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "End the visit on its signed report",
            description = "Consumes the reported parts (parts-consumed), computes charge and cost, publishes visit-completed; "
                    + "UNIT_TAKEN_TO_DEPOT needs the customer's written authorisation and publishes depot-repair-requested.")
    @ApiResponse(responseCode = "400", description = "Invalid outcome or missing depot authorisation", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "403", description = "Another technician's visit", content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "409", description = "No signed report, not on site, or parts not checked out", content = @Content(mediaType = PROBLEM))
    Visit complete(@PathVariable UUID id,
                   @Valid @RequestBody VisitRequests.Completion request) {
        return visits.complete(id, request, scope.technician());
    }
}
