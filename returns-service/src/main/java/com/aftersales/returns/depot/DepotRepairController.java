package com.aftersales.returns.depot;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.platform.web.paging.KeysetPage;
import com.aftersales.platform.web.paging.PageLinks;
import com.aftersales.platform.web.paging.PageToken;
import com.aftersales.platform.web.paging.PagingProperties;
import com.aftersales.returns.security.CallerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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

/**
 * Depot repair orders. A depot reports progress with its own credentials: until the gateway roles issue
 * authenticates depots, the depot identifies itself in {@value #DEPOT_HEADER}, and an order of another depot is
 * a 403 (the check stays when the header is replaced by the authenticated identity).
 */
@RestController
@Validated
@RequestMapping(path = "/api/depot-repairs", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Depot repairs", description = "Repair orders (返厂维修) routed to own and partner depots, and their progress")
@ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
class DepotRepairController {

    static final String LIST = "depot-repairs";

    private final DepotService depots;
    private final IdempotentRequests idempotency;
    private final CallerScope scope;
    private final PagingProperties paging;

    DepotRepairController(DepotService depots, IdempotentRequests idempotency, CallerScope scope,
                          PagingProperties paging) {
        this.depots = depots;
        this.idempotency = idempotency;
        this.scope = scope;
        this.paging = paging;
    }

    /** A depot partner sees only repairs routed to his depot: anyone else's answers 404 like an unknown id. */
    private DepotRepair visible(UUID id) {
        DepotRepair repair = depots.repair(id);
        scope.requireDepot(repair.depotCode(), "depot repair", id);
        return repair;
    }

    record FromReturn(@NotNull UUID returnId,
                      @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "{aftersales.code.depot}") String depotCode) {
    }

    record StatusReport(@NotNull DepotRepairStatus status, @Size(max = 2000) String note) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a return in repair to a depot",
            description = "Routes to the requested depot if it repairs the category, else to an own depot that does, else a partner. "
                    + "Publishes aftersales.depot-repair.status-changed.v1 (ROUTED), also on the partner topic of a partner depot.")
    @ApiResponse(responseCode = "201", description = "Routed", content = @Content(schema = @Schema(implementation = DepotRepairView.class)))
    @ApiResponse(responseCode = "404", description = "No such return", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The return is not in repair, already at a depot, or no depot repairs its category",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> fromReturn(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody FromReturn request) {
        return idempotency.create("POST /api/depot-repairs", idempotencyKey, request, () -> {
            DepotRepair repair = depots.fromReturn(request.returnId(), request.depotCode());
            return new IdempotentRequests.Created(URI.create("/api/depot-repairs/" + repair.id()), DepotRepairView.of(repair));
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "A depot repair order with its history")
    @ApiResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    DepotRepairView get(@PathVariable UUID id) {
        return DepotRepairView.of(visible(id));
    }

    @GetMapping
    @Operation(summary = "Depot repair orders, newest first, optionally of one depot",
            description = "Newest first (created, then id); paged as every list (docs/paging.md): pageSize and pageToken, "
                    + "the next page in the Link rel=\"next\" header. A depot partner lists only his depot's orders.")
    ResponseEntity<List<DepotRepairView>> list(
            @RequestParam(required = false) String depotCode,
            @Parameter(description = "Orders per page (default and maximum: aftersales.paging.lists.depot-repairs)")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer pageSize,
            @Parameter(description = "The pageToken of the Link rel=\"next\" header of the page before")
            @RequestParam(required = false) @Size(max = PageToken.MAX_LENGTH) String pageToken,
            @Parameter(deprecated = true, description = "Deprecated name of pageSize")
            @RequestParam(required = false) @Min(1) @Max(PagingProperties.HARD_MAX_PAGE_SIZE) Integer limit) {
        int size = paging.pageSize(LIST, pageSize, limit);
        PageToken after = PageToken.parse(pageToken, 2);
        // A depot partner's scope is in the query, before the limit.
        List<DepotRepair> found = depots.repairs(scope.depot().orElse(depotCode), after == null ? null : after.instant(0),
                after == null ? null : after.uuid(1), size + 1);
        return PageLinks.ok(KeysetPage.of(found, size, r -> PageToken.of(r.createdAt(), r.id()))
                .map(DepotRepairView::of));
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A depot reports progress: RECEIVED, DIAGNOSED, WAITING_PARTS, REPAIRED, SHIPPED_BACK",
            description = "Only the depot the order is routed to; in order. SHIPPED_BACK marks the return's unit repaired.")
    @ApiResponse(responseCode = "403", description = "The order belongs to another depot", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The status does not follow the current one", content = @Content(mediaType = "application/problem+json"))
    DepotRepairView report(@PathVariable UUID id, @Valid @RequestBody StatusReport report) {
        // The depot is the caller's (token claim `depot`); a supervisor reports on the depot's behalf.
        String actingDepot = scope.depot().orElse(visible(id).depotCode());
        return DepotRepairView.of(depots.report(id, actingDepot, report.status(), report.note()));
    }
}
