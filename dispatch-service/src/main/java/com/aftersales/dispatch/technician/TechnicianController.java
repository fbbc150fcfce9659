package com.aftersales.dispatch.technician;

import com.aftersales.dispatch.security.TechnicianScope;
import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/technicians", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Technicians", description = "Field technicians: skills, area, calendar, capacity and live status")
class TechnicianController {

    static final String LIST = "technicians";

    private final TechnicianService technicians;
    private final IdempotentRequests idempotency;
    private final TechnicianScope scope;
    private final PagingProperties paging;

    TechnicianController(TechnicianService technicians, IdempotentRequests idempotency, TechnicianScope scope,
                         PagingProperties paging) {
        this.scope = scope;
        this.paging = paging;
        this.technicians = technicians;
        this.idempotency = idempotency;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a technician", description = "Starts OFF_DUTY until the technician app reports a status.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> register(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody TechnicianRequest request) {
        return idempotency.create("POST /api/technicians", idempotencyKey, request, () -> {
            Technician technician = technicians.register(request);
            return new IdempotentRequests.Created(URI.create("/api/technicians/" + technician.id()), technician);
        });
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a technician's profile (skills, area, calendar, capacity)")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such technician", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Changed concurrently", content = @Content(mediaType = "application/problem+json"))
    Technician update(@PathVariable UUID id, @Valid @RequestBody TechnicianRequest request) {
        return technicians.update(id, request);
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Live status and position from the technician app",
            description = "Going OFF_DUTY releases the technician's jobs that have not started; they are reassigned.")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such technician", content = @Content(mediaType = "application/problem+json"))
    Technician status(@PathVariable UUID id, @Valid @RequestBody StatusUpdateRequest request) {
        scope.require(id, "technician", id);
        return technicians.updateStatus(id, request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A technician, with the first-time-fix record per fault category")
    @ApiResponse(responseCode = "404", description = "No such technician", content = @Content(mediaType = "application/problem+json"))
    Technician get(@PathVariable UUID id) {
        scope.require(id, "technician", id);
        return technicians.technician(id);
    }

    @GetMapping
    @Operation(summary = "Technicians, by name",
            description = "By name, then id. Paged as every list (docs/paging.md): pageSize and pageToken, the next page "
                    + "in the Link rel=\"next\" header; follow it until there is none for every technician.")
    ResponseEntity<List<Technician>> list(
            @Parameter(description = "Technicians per page (default and maximum: aftersales.paging.lists.technicians)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken) {
        int size = paging.pageSize(LIST, pageSize, null);
        PageToken after = PageToken.parse(pageToken, 2);
        List<Technician> found = technicians.page(after == null ? null : after.text(0),
                after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, technician -> PageToken.of(technician.name(), technician.id())));
    }
}
