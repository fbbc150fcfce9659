package com.aftersales.returns.depot;

import com.aftersales.platform.idempotency.IdempotentRequests;
import com.aftersales.returns.security.CallerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping(path = "/api/depots", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Depots", description = "Own and partner repair depots, the categories they repair and their turnaround promise")
class DepotController {

    private final DepotService depots;
    private final IdempotentRequests idempotency;
    private final CallerScope scope;

    DepotController(DepotService depots, IdempotentRequests idempotency, CallerScope scope) {
        this.depots = depots;
        this.idempotency = idempotency;
        this.scope = scope;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a depot",
            description = "A partner depot gets its topic aftersales.partner.<code>.v1 (created here where the service may create "
                    + "topics; otherwise by operations with the partner's prefix ACL).")
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = Depot.class)))
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The code is taken", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> register(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody RegisterDepotRequest request) {
        return idempotency.create("POST /api/depots", idempotencyKey, request, () -> {
            Depot depot = depots.register(request);
            return new IdempotentRequests.Created(URI.create("/api/depots/" + depot.code()), depot);
        });
    }

    @GetMapping
    @Operation(summary = "Every depot")
    List<Depot> list() {
        return depots.depots();
    }

    @GetMapping("/{code}")
    @Operation(summary = "A depot")
    @ApiResponse(responseCode = "404", description = "No such depot", content = @Content(mediaType = "application/problem+json"))
    Depot get(@PathVariable String code) {
        scope.requireDepot(code, "depot", code);
        return depots.depot(code);
    }
}
