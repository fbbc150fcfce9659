package com.aftersales.dispatch.parts;

import com.aftersales.dispatch.security.TechnicianScope;
import com.aftersales.platform.idempotency.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/parts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Parts", description = "Catalogue, stock per warehouse or van, checkouts and returns")
class PartsController {

    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final PartsService parts;
    private final IdempotentRequests idempotency;
    private final TechnicianScope scope;

    PartsController(PartsService parts, IdempotentRequests idempotency, TechnicianScope scope) {
        this.parts = parts;
        this.idempotency = idempotency;
        this.scope = scope;
    }

    /** A technician sees only his own checkouts; anyone else's answers 404 like an unknown id. */
    private PartCheckout visible(PartCheckout checkout, UUID id) {
        scope.require(checkout.technicianId(), "part checkout", id);
        return checkout;
    }

    @PutMapping(path = "/catalogue/{partNumber}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a part's description, unit cost and unit price")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> catalogue(@PathVariable @Pattern(regexp = CODE) String partNumber,
                                   @Valid @RequestBody PartsRequests.CataloguePart request) {
        parts.putCataloguePart(partNumber, request);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/stock/{location}/{partNumber}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the counted stock of a part at a warehouse or van")
    @ApiResponse(responseCode = "400", description = "Invalid fields or unknown part", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Void> stock(@PathVariable @Pattern(regexp = CODE) String location,
                               @PathVariable @Pattern(regexp = CODE) String partNumber,
                               @Valid @RequestBody PartsRequests.StockLevel request) {
        parts.setStock(location, partNumber, request.quantity());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stock")
    @Operation(summary = "Stock at a location")
    List<Map<String, Object>> stock(@RequestParam @Pattern(regexp = CODE) String location) {
        return parts.stock(location);
    }

    @PostMapping(path = "/checkouts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A technician checks parts out before a visit (领取、登记)",
            description = "Stock never goes negative: when fewer are left than asked for, nothing is taken and the answer is 409.")
    @ApiResponse(responseCode = "201", description = "Checked out")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such stock item, or no such visit (for a technician: none of his)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Not enough stock, or the visit is another technician's",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<Object> checkout(
            @Parameter(description = "Client-chosen key that makes the request safe to retry")
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody PartsRequests.Checkout request) {
        scope.requireSelf(request.technicianId());
        if (request.visitId() != null && scope.technician() != null) {
            // A technician checks parts out only against his own visits: another's answers 404, as an unknown visit.
            scope.require(parts.visitTechnician(request.visitId()).orElse(null), "visit", request.visitId());
        }
        return idempotency.create("POST /api/parts/checkouts", idempotencyKey, request, () -> {
            PartCheckout checkout = parts.checkout(request);
            return new IdempotentRequests.Created(URI.create("/api/parts/checkouts/" + checkout.id()), checkout);
        });
    }

    @GetMapping("/checkouts/{id}")
    @Operation(summary = "A checkout with what is still out")
    @ApiResponse(responseCode = "404", description = "No such checkout", content = @Content(mediaType = "application/problem+json"))
    PartCheckout checkout(@PathVariable UUID id) {
        return visible(parts.checkoutById(id), id);
    }

    @GetMapping(path = "/checkouts", params = "technicianId")
    @Operation(summary = "A technician's checkouts")
    List<PartCheckout> checkouts(@RequestParam UUID technicianId) {
        scope.require(technicianId, "technician", technicianId);
        return parts.checkoutsOf(technicianId);
    }

    @PostMapping(path = "/checkouts/{id}/returns", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check unused parts back in")
    @ApiResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such checkout", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "More than is out", content = @Content(mediaType = "application/problem+json"))
    PartCheckout checkIn(@PathVariable UUID id, @Valid @RequestBody PartsRequests.Return request) {
        visible(parts.checkoutById(id), id);
        return parts.checkIn(id, request.quantity());
    }
}
