package com.aftersales.dispatch.visit;

import com.aftersales.dispatch.security.TechnicianScope;
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
    private final TechnicianScope scope;

    ServiceReportController(VisitService visits, TechnicianScope scope) {
        this.visits = visits;
        this.scope = scope;
    }

    /** A technician reads and signs only reports of his own visits: 404 otherwise, as for an unknown id. */
    private void requireOwn(ServiceReport report, UUID id) {
        if (scope.technician() != null) {
            scope.require(visits.details(report.visitId()).visit().technicianId(), "service report", id);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report version")
    @ApiResponse(responseCode = "404", description = "No such report", content = @Content(mediaType = PROBLEM))
    ServiceReport get(@PathVariable UUID id) {
        ServiceReport report = visits.serviceReport(id);
        requireOwn(report, id);
        return report;
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Amend an unsigned draft")
    @ApiResponse(responseCode = "409", description = "Signed: write a correction as a new version", content = @Content(mediaType = PROBLEM))
    ServiceReport amend(@PathVariable UUID id,
                        @Valid @RequestBody VisitRequests.Report request) {
        return visits.amend(id, request, scope.technician());
    }

    @PostMapping(path = "/{id}/signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The customer signs the report; from now on it never changes")
    @ApiResponse(responseCode = "409", description = "Signed already", content = @Content(mediaType = PROBLEM))
    ServiceReport sign(@PathVariable UUID id, @Valid @RequestBody VisitRequests.Signature request) {
        requireOwn(visits.serviceReport(id), id);
        return visits.sign(id, request);
    }
}
