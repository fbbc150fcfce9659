package com.aftersales.dispatch.visit;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping(path = "/api/service-reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Service reports", description = "Report versions: drafts are amended, signed versions never change")
class ServiceReportController {

    private static final String PROBLEM = "application/problem+json";

    private final VisitService visits;

    ServiceReportController(VisitService visits) {
        this.visits = visits;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report version")
    @ApiResponse(responseCode = "404", description = "No such report", content = @Content(mediaType = PROBLEM))
    ServiceReport get(@PathVariable UUID id) {
        return visits.serviceReport(id);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend an unsigned draft")
    @ApiResponse(responseCode = "409", description = "Signed: write a correction as a new version", content = @Content(mediaType = PROBLEM))
    ServiceReport amend(@PathVariable UUID id, @RequestHeader(name = VisitController.TECHNICIAN_HEADER, required = false) UUID technician,
                        @Valid @RequestBody VisitRequests.Report request) {
        return visits.amend(id, request, technician);
    }

    @PostMapping(path = "/{id}/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer signs the report; from now on it never changes")
    @ApiResponse(responseCode = "409", description = "Signed already", content = @Content(mediaType = PROBLEM))
    ServiceReport sign(@PathVariable UUID id, @Valid @RequestBody VisitRequests.Signature request) {
        return visits.sign(id, request);
    }
}
